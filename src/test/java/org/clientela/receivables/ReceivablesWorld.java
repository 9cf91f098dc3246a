package org.clientela.receivables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.clients.CompanyNumbers;

import tools.jackson.databind.JsonNode;

/**
 * The receivables' test data, made through the API as the department would make it: clients of
 * their own (fresh INNs), a manager with a team of their own where a test needs to know every
 * client of a manager, invoices entered by the credit controller, payments.
 */
public final class ReceivablesWorld {

    public static final String PASSWORD = "demo-pass-1";
    /** The department's day, as the application counts it. */
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private final ApiClient api;

    public ReceivablesWorld(ApiClient api) {
        this.api = api;
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A manager of a new team of their own, who logs in with {@link #PASSWORD}. */
    public record Manager(String username, UUID id, String fullName, UUID teamId, String teamName) {
    }

    public Manager newManager() {
        String teamName = ApiClient.unique("Отдел");
        UUID team = UUID.fromString(api.as("admin").post("/api/v1/teams", Map.of("name", teamName)).isJson(201).id());
        String username = ApiClient.unique("rcv");
        String fullName = "Менеджер " + username;
        UUID id = UUID.fromString(api.as("admin").post("/api/v1/users", Map.of("username", username,
                "fullName", fullName, "password", PASSWORD, "teamId", team.toString(),
                "roles", List.of("MANAGER"))).isJson(201).id());
        return new Manager(username, id, fullName, team, teamName);
    }

    public ApiClient.Call as(Manager manager) {
        return api.as(manager.username(), PASSWORD);
    }

    /** A new client registered by a demo user for themselves. */
    UUID companyOf(String username, String name) {
        return company(api.as(username), name);
    }

    UUID companyOf(Manager manager, String name) {
        return company(as(manager), name);
    }

    private static UUID company(ApiClient.Call owner, String name) {
        return UUID.fromString(owner.post("/api/v1/companies", Map.of("name", ApiClient.unique(name),
                "legalForm", "OOO", "inn", CompanyNumbers.organisationInn(), "kpp", "773601001")).isJson(201).id());
    }

    String innOf(UUID company) {
        return api.as("admin").get("/api/v1/companies/" + company).isJson(200).json().path("inn").asString();
    }

    /** An invoice entered by the credit controller; {@code number} unique per call. */
    JsonNode invoice(UUID company, LocalDate issued, LocalDate due, String amount) {
        return enterInvoice(company, ApiClient.unique("ТСТ"), issued, due, amount).isJson(201).json();
    }

    Response enterInvoice(UUID company, String number, LocalDate issued, LocalDate due, String amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyId", company.toString());
        body.put("number", number);
        body.put("issueDate", issued.toString());
        if (due != null) {
            body.put("dueDate", due.toString());
        }
        body.put("amount", amount);
        body.put("vatAmount", "0.00");
        return api.as("credit").post("/api/v1/invoices", body);
    }

    /** A payment recorded by the credit controller. */
    JsonNode payment(UUID company, LocalDate date, String amount) {
        return pay(company, date, amount, Map.of()).isJson(201).json();
    }

    Response pay(UUID company, LocalDate date, String amount, Map<String, Object> more) {
        return api.as("credit").post("/api/v1/payments", payment(company, date.toString(), amount, more));
    }

    static Map<String, Object> payment(UUID company, String date, String amount, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyId", company.toString());
        body.put("date", date);
        body.put("amount", amount);
        body.put("currency", "RUB");
        body.put("reference", ApiClient.unique("пп"));
        body.putAll(more);
        return body;
    }

    JsonNode invoiceById(String id) {
        return api.as("credit").get("/api/v1/invoices/" + id).isJson(200).json();
    }
}

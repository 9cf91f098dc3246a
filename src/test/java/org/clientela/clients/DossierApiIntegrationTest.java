package org.clientela.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.ApiClient.Response;
import org.clientela.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The dossier: written with a version, every change in the company's history, private to its viewers. */
@IntegrationTest
class DossierApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aDossierIsWrittenReadAndItsChangesShowInTheCompanysHistory() {
        String company = newCompany("manager1");
        String dossier = "/api/v1/companies/" + company + "/dossier";

        JsonNode empty = api.as("manager1").get(dossier).isJson(200).json();
        assertThat(empty.path("version").asLong()).isZero();

        Map<String, Object> first = new LinkedHashMap<>();
        first.put("annualRevenue", "125000000.5");
        first.put("staffSize", 240);
        first.put("needs", "Энергосберегающие стеклопакеты 4-16-4 с аргоном, 800 м² в месяц");
        first.put("keyDates", List.of(Map.of("day", "2027-03-15", "description", "25 лет компании")));
        first.put("version", 0);
        Response written = api.as("manager1").put(dossier, first).isJson(200);
        assertThat(written.header("ETag")).isEqualTo("\"1\"");
        assertThat(written.json().path("annualRevenue").decimalValue()).isEqualByComparingTo("125000000.50");
        assertThat(written.json().path("updatedBy").asString()).isEqualTo("manager1");

        Map<String, Object> second = new LinkedHashMap<>(first);
        second.put("needs", "Триплекс для фасадов");
        second.put("version", 1);
        api.as("manager1").put(dossier, second).isJson(200);

        List<String> needs = new ArrayList<>();
        api.as("manager1").get("/api/v1/audit/Company/" + company).isJson(200).json().forEach(entry -> {
            if ("dossier.needs".equals(entry.path("field").asString())) {
                needs.add(entry.path("newValue").asString());
            }
        });
        assertThat(needs).containsExactly("Энергосберегающие стеклопакеты 4-16-4 с аргоном, 800 м² в месяц",
                "Триплекс для фасадов");
        assertThat(api.as("manager1").get(dossier).json().path("keyDates").get(0).path("description").asString())
                .isEqualTo("25 лет компании");
    }

    @Test
    void aStaleVersionOrBadValuesAreRefusedAndNothingIsWritten() {
        String company = newCompany("manager2");
        String dossier = "/api/v1/companies/" + company + "/dossier";
        api.as("manager2").put(dossier, Map.of("needs", "Окна", "version", 0)).isJson(200);

        api.as("manager2").put(dossier, Map.of("needs", "Затираю чужое", "version", 0)).isProblem(409);
        Response bad = api.as("manager2").put(dossier, Map.of("annualRevenue", -5, "staffSize", -1,
                "keyDates", List.of(Map.of("description", "без даты")), "version", 1)).isProblem(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("annualRevenue", "staffSize", "keyDates[0].day");
        assertThat(api.as("manager2").get(dossier).json().path("needs").asString()).isEqualTo("Окна");
    }

    @Test
    void theDossierOfAnotherTeamsClientDoesNotExist() {
        String company = newCompany("manager1");
        api.as("manager3").get("/api/v1/companies/" + company + "/dossier").isProblem(404);
        api.as("manager3").put("/api/v1/companies/" + company + "/dossier", Map.of("needs", "x", "version", 0))
                .isProblem(404);
        assertThat(jdbc.sql("select count(*) from company_dossier where company_id = cast(:id as uuid)")
                .param("id", company).query(Long.class).single()).isZero();
    }

    private String newCompany(String owner) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", ApiClient.unique("Досье"));
        company.put("legalForm", "OOO");
        company.put("inn", CompanyNumbers.organisationInn());
        company.put("kpp", "773601001");
        return api.as(owner).post("/api/v1/companies", company).isJson(201).id();
    }
}

package org.clientela.receivables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanyNumbers;
import org.clientela.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The debts of test companies: a company registered through the API (with a person to write to,
 * if wanted), invoices issued through {@link Invoices} (without credit terms an invoice falls due
 * on its issue day) and payments written straight into the tables, with the payment's date on
 * each allocation as the payment service writes it (V20).
 */
public final class ReceivablesTestData {

    private final ApiClient api;
    private final Invoices invoices;
    private final JdbcClient jdbc;

    public ReceivablesTestData(ApiClient api, Invoices invoices, JdbcClient jdbc) {
        this.api = api;
        this.invoices = invoices;
        this.jdbc = jdbc;
    }

    /** A company owned by {@code manager}, with its legal form OOO. */
    public CompanyId company(String manager, String name) {
        return company(api.as(manager), name);
    }

    /** A company registered by {@code owner} for themselves, with its legal form OOO. */
    public CompanyId company(ApiClient.Call owner, String name) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", name);
        company.put("legalForm", "OOO");
        company.put("inn", CompanyNumbers.organisationInn());
        company.put("kpp", "773601001");
        company.put("legalAddress", "г. Москва, ул. Стекольная, д. 1");
        return new CompanyId(UUID.fromString(owner.post("/api/v1/companies", company).isJson(201).id()));
    }

    /** A person of the company with an e-mail address, in a decision role such as {@code DECISION_MAKER}. */
    public void contact(String manager, CompanyId company, String fullName, String decisionRole, String email) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", fullName);
        person.put("decisionRole", decisionRole);
        person.put("emails", List.of(email));
        api.as(manager).post("/api/v1/companies/" + company + "/contacts", person).isJson(201);
    }

    /** An invoice with 20 % VAT in its amount, due on its issue day. */
    public InvoiceView invoice(CompanyId company, LocalDate issued, String amount) {
        BigDecimal total = new BigDecimal(amount);
        BigDecimal vat = total.multiply(BigDecimal.valueOf(20)).divide(BigDecimal.valueOf(120), 2, RoundingMode.HALF_UP);
        return invoices.issue(new NewInvoice(company, null, null, Money.rubles(total), Money.rubles(vat), issued));
    }

    /** A payment not yet put against any invoice. */
    public UUID payment(CompanyId company, LocalDate date, String amount, String reference) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into payment (id, company_id, payment_date, amount, unallocated, reference, source)
                        values (:id, :company, :date, :amount, :amount, :reference, 'MANUAL')""")
                .param("id", id).param("company", company.value()).param("date", date)
                .param("amount", new BigDecimal(amount)).param("reference", reference).update();
        return id;
    }

    /** A payment put wholly against the invoice: its paid amount grows, and it is settled once paid in full. */
    public UUID pay(InvoiceView invoice, LocalDate date, String amount) {
        UUID id = UUID.randomUUID();
        BigDecimal paid = new BigDecimal(amount);
        jdbc.sql("""
                        insert into payment (id, company_id, payment_date, amount, unallocated, reference, source)
                        values (:id, :company, :date, :amount, 0, :reference, 'MANUAL')""")
                .param("id", id).param("company", invoice.companyId()).param("date", date).param("amount", paid)
                .param("reference", "pp-" + id.toString().substring(0, 6)).update();
        jdbc.sql("""
                        insert into payment_allocation (payment_id, invoice_id, amount, payment_date)
                        values (:payment, :invoice, :amount, :date)""")
                .param("payment", id).param("invoice", invoice.id()).param("amount", paid).param("date", date).update();
        jdbc.sql("""
                        update invoice set paid_amount = paid_amount + :amount,
                            settled_on = case when paid_amount + :amount = amount then cast(:date as date) end
                        where id = :invoice""")
                .param("amount", paid).param("date", date).param("invoice", invoice.id()).update();
        return id;
    }
}

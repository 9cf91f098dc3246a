package org.clientela.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.clients.CompanyNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The credit tests' world: companies registered through the API by their owner, their invoices
 * and payments written as the receivables module keeps them (an invoice's {@code paid_amount} the
 * sum of its allocations, {@code settled_on} the day of the payment that paid it in full).
 */
final class CreditTestData {

    private final ApiClient api;
    private final JdbcClient jdbc;

    CreditTestData(ApiClient api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A new company owned by {@code owner} (a manager registers for themselves). */
    UUID company(String owner, String name) {
        Map<String, Object> company = Map.of("name", ApiClient.unique(name), "legalForm", "OOO",
                "inn", CompanyNumbers.organisationInn(), "kpp", "773601001");
        return UUID.fromString(api.as(owner).post("/api/v1/companies", company).isJson(201).id());
    }

    /** Sets a limit as the credit controller would. */
    void limit(UUID company, String amount, int paymentTermsDays) {
        long version = api.as("credit").get(credit(company)).isJson(200).json().path("version").asLong();
        api.as("credit").put("/api/v1/companies/" + company + "/credit-limit", Map.of("amount", amount,
                "paymentTermsDays", paymentTermsDays, "reason", "Тестовый лимит", "version", version)).isJson(200);
    }

    static String credit(UUID company) {
        return "/api/v1/companies/" + company + "/credit";
    }

    Invoice invoice(UUID company, String amount, LocalDate issued, LocalDate due) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into invoice (id, number, company_id, issue_date, due_date, amount, vat_amount, source)
                        values (:id, :number, :company, :issued, :due, :amount, 0, 'MANUAL')""")
                .param("id", id).param("number", "Т-" + id).param("company", company).param("issued", issued)
                .param("due", due).param("amount", new BigDecimal(amount)).update();
        return new Invoice(id, company, new BigDecimal(amount));
    }

    /** A payment with nothing allocated: the client's money in advance. */
    void advancePayment(UUID company, String amount, LocalDate on) {
        jdbc.sql("""
                        insert into payment (id, company_id, payment_date, amount, unallocated, source)
                        values (:id, :company, :on, :amount, :amount, 'MANUAL')""")
                .param("id", UUID.randomUUID()).param("company", company).param("on", on)
                .param("amount", new BigDecimal(amount)).update();
    }

    final class Invoice {

        private final UUID id;
        private final UUID company;
        private final BigDecimal amount;
        private BigDecimal paid = BigDecimal.ZERO;

        private Invoice(UUID id, UUID company, BigDecimal amount) {
            this.id = id;
            this.company = company;
            this.amount = amount;
        }

        /** Pays what is still owed, on a day. */
        Invoice paidOn(LocalDate day) {
            return paid(amount.subtract(paid).toPlainString(), day);
        }

        /** A payment of {@code part} on a day, all of it to this invoice. */
        Invoice paid(String part, LocalDate day) {
            UUID payment = UUID.randomUUID();
            BigDecimal value = new BigDecimal(part);
            jdbc.sql("""
                            insert into payment (id, company_id, payment_date, amount, unallocated, source)
                            values (:id, :company, :day, :amount, 0, 'MANUAL')""")
                    .param("id", payment).param("company", company).param("day", day).param("amount", value).update();
            jdbc.sql("""
                            insert into payment_allocation (payment_id, invoice_id, amount, payment_date)
                            values (:payment, :invoice, :amount, :day)""")
                    .param("payment", payment).param("invoice", id).param("amount", value).param("day", day).update();
            paid = paid.add(value);
            jdbc.sql("update invoice set paid_amount = :paid, settled_on = :settled where id = :id")
                    .param("paid", paid).param("settled", paid.compareTo(amount) == 0 ? day : null).param("id", id)
                    .update();
            return this;
        }
    }
}

package org.clientela.receivables.reconciliation;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanyView;
import org.clientela.clients.VisibleCompanies;
import org.clientela.receivables.reconciliation.ReconciliationStatement.Kind;
import org.clientela.receivables.reconciliation.ReconciliationStatement.Line;
import org.clientela.shared.InputErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Draws up the reconciliation statement of a company for a period from its invoices and payments. */
@Service
public class ReconciliationStatements {

    private final JdbcClient jdbc;
    private final VisibleCompanies companies;
    private final OurCompany ours;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    ReconciliationStatements(JdbcClient jdbc, VisibleCompanies companies, OurCompany ours, MessageSource messages,
            Clock clock, @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.ours = ours;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The statement of a company the current user may see, for the days {@code from} to {@code to}
     * (both inclusive, {@code YYYY-MM-DD}). The period may not end after today: the days to come
     * have no settlements to reconcile yet. Repeatable read: the opening balance and the documents
     * of the period come from one snapshot, so a payment entered meanwhile is in both or in neither.
     *
     * @throws org.clientela.shared.RecordNotFoundException for a company the user may not see
     * @throws org.clientela.shared.InvalidInputException   with the wrong dates at their fields
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ReconciliationStatement statement(CompanyId company, String from, String to) {
        CompanyView buyer = companies.company(company);
        InputErrors errors = new InputErrors();
        LocalDate start = date(errors, "from", from);
        LocalDate end = date(errors, "to", to);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (end != null && end.isAfter(today)) {
            errors.add("to", "reconciliation.to.future", Date.valueOf(today));
        }
        if (start != null && end != null && start.isAfter(end)) {
            errors.add("from", "reconciliation.from.afterTo");
        }
        errors.throwIfAny();
        return statement(buyer, start, end);
    }

    private ReconciliationStatement statement(CompanyView buyer, LocalDate from, LocalDate to) {
        BigDecimal opening = jdbc.sql("""
                        select coalesce((select sum(amount) from invoice
                                         where company_id = :company and issue_date < :from), 0)
                             - coalesce((select sum(amount) from payment
                                         where company_id = :company and payment_date < :from), 0)""")
                .param("company", buyer.id()).param("from", from).query(BigDecimal.class).single();
        List<Document> documents = jdbc.sql("""
                        select 'SALE' as kind, id, issue_date as day, number, amount from invoice
                        where company_id = :company and issue_date between :from and :to
                        union all
                        select 'PAYMENT', id, payment_date, reference, amount from payment
                        where company_id = :company and payment_date between :from and :to
                        order by day, kind desc, number, id""")
                .param("company", buyer.id()).param("from", from).param("to", to)
                .query((rs, row) -> new Document(Kind.valueOf(rs.getString("kind")), rs.getObject("id", UUID.class),
                        rs.getObject("day", LocalDate.class), rs.getString("number"), rs.getBigDecimal("amount")))
                .list();
        BigDecimal balance = opening;
        BigDecimal debit = BigDecimal.ZERO.setScale(2);
        BigDecimal credit = BigDecimal.ZERO.setScale(2);
        List<Line> lines = new ArrayList<>();
        for (Document document : documents) {
            if (document.kind() == Kind.SALE) {
                debit = debit.add(document.amount());
                balance = balance.add(document.amount());
            } else {
                credit = credit.add(document.amount());
                balance = balance.subtract(document.amount());
            }
            lines.add(new Line(document.day(), document.kind(), document.id(), document.number(),
                    describe(document), document.kind() == Kind.SALE ? document.amount() : null,
                    document.kind() == Kind.PAYMENT ? document.amount() : null, balance));
        }
        Party seller = Party.of(ours);
        Party client = Party.of(buyer, messages);
        return new ReconciliationStatement(seller, client, from, to, opening, List.copyOf(lines), debit, credit,
                balance, closingStatement(seller, client, to, balance));
    }

    private String describe(Document document) {
        Date day = Date.valueOf(document.day());
        if (document.kind() == Kind.SALE) {
            return message("reconciliation.line.sale", document.number(), day);
        }
        return document.number() == null || document.number().isBlank()
                ? message("reconciliation.line.paymentWithoutNumber", day)
                : message("reconciliation.line.payment", document.number().strip(), day);
    }

    private String closingStatement(Party seller, Party buyer, LocalDate to, BigDecimal balance) {
        return switch (ReconciliationStatement.favour(balance)) {
            case SELLER -> message("reconciliation.closing.seller", seller.name(), Date.valueOf(to), balance);
            case BUYER -> message("reconciliation.closing.buyer", seller.name(), Date.valueOf(to), balance.negate(),
                    buyer.name());
            case NONE -> message("reconciliation.closing.none", seller.name(), Date.valueOf(to));
        };
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static LocalDate date(InputErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            errors.add(field, "reconciliation.date.required");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "reconciliation.date.invalid", text.strip());
            return null;
        }
    }

    private record Document(Kind kind, UUID id, LocalDate day, String number, BigDecimal amount) {
    }
}

package org.clientela.receivables.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.clientela.clients.CompanyId;
import org.clientela.clients.TimelineEvent;
import org.clientela.clients.TimelineSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The company's invoices and payments on its timeline, each at the start of its day (an invoice's
 * issue date, a payment's date at the bank: the ledger knows days, not times).
 */
@Component
class ReceivablesTimeline implements TimelineSource {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final ZoneId zone;

    ReceivablesTimeline(JdbcClient jdbc, MessageSource messages,
            @Value("${clientela.time-zone:Europe/Moscow}") ZoneId zone) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.zone = zone;
    }

    @Override
    public List<TimelineEvent> events(CompanyId company, Instant from, Instant to) {
        Locale locale = LocaleContextHolder.getLocale();
        // the days whose start lies in the window
        LocalDate first = from.atZone(zone).toLocalDate();
        if (first.atStartOfDay(zone).toInstant().isBefore(from)) {
            first = first.plusDays(1);
        }
        LocalDate last = to.atZone(zone).toLocalDate();
        if (!last.atStartOfDay(zone).toInstant().isBefore(to)) {
            last = last.minusDays(1);
        }
        return jdbc.sql("""
                        select 'INVOICE' as kind, id, number as reference, issue_date as day, amount
                        from invoice where company_id = :company and issue_date between :first and :last
                        union all
                        select 'PAYMENT', id, reference, payment_date, amount
                        from payment where company_id = :company and payment_date between :first and :last""")
                .param("company", company.value()).param("first", first).param("last", last)
                .query((rs, row) -> {
                    String kind = rs.getString("kind");
                    String reference = rs.getString("reference");
                    return new TimelineEvent(rs.getObject("day", LocalDate.class).atStartOfDay(zone).toInstant(),
                            kind, messages.getMessage("receivables.timeline." + kind,
                                    new Object[] {reference == null ? "" : reference, rs.getBigDecimal("amount")}, locale),
                            null, null);
                })
                .list();
    }
}

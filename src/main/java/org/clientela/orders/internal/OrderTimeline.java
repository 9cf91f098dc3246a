package org.clientela.orders.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.clientela.clients.CompanyId;
import org.clientela.clients.TimelineEvent;
import org.clientela.clients.TimelineSource;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The company's orders on its timeline, from their status history: each step (confirmed, in
 * production, shipped… cancelled) when it was made, with its note.
 */
@Component
class OrderTimeline implements TimelineSource {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    OrderTimeline(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<TimelineEvent> events(CompanyId company, Instant from, Instant to) {
        return jdbc.sql("""
                        select o.id, o.number, s.to_status, s.note, s.changed_at
                        from order_status_change s
                        join sales_order o on o.id = s.order_id
                        where o.company_id = :company and s.changed_at >= :from and s.changed_at < :to""")
                .param("company", company.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> new TimelineEvent(rs.getTimestamp("changed_at").toInstant(), "ORDER_STATUS",
                        messages.getMessage("orders.timeline.status", new Object[] {rs.getString("number"),
                                messages.getMessage("orders.status." + rs.getString("to_status"), null,
                                        LocaleContextHolder.getLocale())}, LocaleContextHolder.getLocale()),
                        rs.getString("note"), "/orders/" + rs.getObject("id")))
                .list();
    }
}

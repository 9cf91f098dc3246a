package org.clientela.activities.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.TimelineEvent;
import org.clientela.clients.TimelineSource;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The company's activities on its timeline: a done one when it began, with its outcome; a planned
 * or cancelled one when it was planned to begin.
 */
@Component
class ActivityTimeline implements TimelineSource {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ActivityTimeline(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public List<TimelineEvent> events(CompanyId company, Instant from, Instant to) {
        return jdbc.sql("""
                        select id, type, subject, status, outcome, cancel_reason, late_minutes,
                               coalesce(actual_start, planned_start) as at
                        from activity
                        where company_id = :company and coalesce(actual_start, planned_start) >= :from
                          and coalesce(actual_start, planned_start) < :to""")
                .param("company", company.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> {
                    String status = rs.getString("status");
                    String type = message("activities.type." + rs.getString("type"));
                    String title = message("activities.timeline." + status, type, rs.getString("subject"));
                    String detail = switch (status) {
                        case "DONE" -> rs.getInt("late_minutes") > 0
                                ? message("activities.timeline.late", rs.getInt("late_minutes"), rs.getString("outcome"))
                                : rs.getString("outcome");
                        case "CANCELLED" -> rs.getString("cancel_reason");
                        default -> null;
                    };
                    UUID id = rs.getObject("id", UUID.class);
                    String link = "PLANNED".equals(status) ? "/activities/" + id + "/outcome" : null;
                    return new TimelineEvent(rs.getTimestamp("at").toInstant(), "ACTIVITY_" + status, title, detail,
                            link);
                })
                .list();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}

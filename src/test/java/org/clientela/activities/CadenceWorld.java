package org.clientela.activities;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.ApiClient;
import org.clientela.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The contact-cadence tests' world, through the API: cadences set, contacts made on days gone by. */
final class CadenceWorld {

    static final String OVERDUE = "/api/v1/activities/overdue-contacts";

    private final ApiClient api;
    private final TestClock clock;
    private final JdbcClient jdbc;

    CadenceWorld(ApiClient api, TestClock clock, JdbcClient jdbc) {
        this.api = api;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    static String cadence(String company) {
        return "/api/v1/companies/" + company + "/contact-cadence";
    }

    static Map<String, Object> body(Integer days, String reason, Long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("days", days);
        body.put("reason", reason);
        body.put("version", version);
        return body;
    }

    /** Sets an individual cadence as the company's owner, on a cadence nobody set before. */
    void individually(String owner, String company, int days) {
        api.as(owner).put(cadence(company), body(days, "Договорились созваниваться по графику клиента", 0L))
                .isJson(200);
    }

    /**
     * A call with the company done {@code days} ago (Moscow) at 10:00, planned and recorded through
     * the API with the clock moved back to then; the clock is real time again afterwards.
     */
    void contactedDaysAgo(String owner, String company, int days) {
        ZonedDateTime start = LocalDate.now(ActivityWorld.MOSCOW).minusDays(days).atTime(10, 0)
                .atZone(ActivityWorld.MOSCOW);
        clock.reset();
        try {
            clock.moveForward(Duration.between(clock.instant(), start.minusHours(1).toInstant()));
            Map<String, Object> call = ActivityWorld.meeting(company, start.toOffsetDateTime().toString(),
                    start.plusMinutes(15).toOffsetDateTime().toString());
            call.put("type", "CALL");
            ApiClient.Response planned = api.as(owner).post(ActivityWorld.ACTIVITIES, call).isJson(201);
            clock.moveForward(Duration.ofHours(2));
            api.as(owner).post(ActivityWorld.ACTIVITIES + "/" + planned.id() + "/outcome",
                    Map.of("actualStart", start.toOffsetDateTime().toString(),
                            "outcome", "Поговорили о поставках", "version", 0)).isJson(200);
        } finally {
            clock.reset();
        }
    }

    /** Every overdue contact {@code user} sees (of {@code ownerId}'s companies, when given). */
    List<JsonNode> overdue(String user, String ownerId) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.as(user).get(OVERDUE + "?size=100&page=" + page
                    + (ownerId == null ? "" : "&ownerId=" + ownerId)).isJson(200).json();
            answer.get("content").forEach(all::add);
            if (page + 1 >= answer.get("totalPages").asInt()) {
                return all;
            }
        }
    }

    List<String> overdueCompanies(String user, String ownerId) {
        return overdue(user, ownerId).stream().map(row -> row.get("companyId").asString()).toList();
    }

    String userId(String username) {
        return jdbc.sql("select id from app_user where username = :name").param("name", username).query(UUID.class)
                .single().toString();
    }
}

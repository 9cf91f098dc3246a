package org.clientela.activities;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.clientela.ApiClient;
import org.clientela.clients.CompanyNumbers;

/** Builds the world of an activities test through the API, each record new: a client, its people, activities. */
final class ActivityWorld {

    static final String ACTIVITIES = "/api/v1/activities";
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final ApiClient api;

    ActivityWorld(ApiClient api) {
        this.api = api;
    }

    /** An active client owned by {@code owner}: its id. */
    String company(String owner) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", ApiClient.unique("Клиент встреч"));
        company.put("legalForm", "OOO");
        company.put("inn", CompanyNumbers.organisationInn());
        company.put("kpp", "773601001");
        company.put("status", "ACTIVE");
        return api.as(owner).post("/api/v1/companies", company).isJson(201).id();
    }

    String contact(String owner, String company, String fullName) {
        return api.as(owner).post("/api/v1/companies/" + company + "/contacts",
                Map.of("fullName", fullName, "position", "Начальник отдела снабжения")).isJson(201).id();
    }

    /** {@code days} from today (Moscow) at {@code time} Moscow time, with its offset. */
    static String moscow(int days, String time) {
        return LocalDate.now(MOSCOW).plusDays(days).atTime(LocalTime.parse(time)).atZone(MOSCOW).toOffsetDateTime()
                .toString();
    }

    static Map<String, Object> meeting(String company, String start, String end, String... contacts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("companyId", company);
        body.put("type", "MEETING");
        body.put("subject", "Обсуждение поставок на квартал");
        body.put("plannedStart", start);
        body.put("plannedEnd", end);
        body.put("contactIds", new ArrayList<>(List.of(contacts)));
        return body;
    }

    /** A meeting of {@code owner} with the company the day after tomorrow, 10:00–11:00 Moscow time: its id. */
    String meeting(String owner, String company) {
        return api.as(owner).post(ACTIVITIES, meeting(company, moscow(2, "10:00"), moscow(2, "11:00")))
                .isJson(201).id();
    }

    static String now(int minutesFromNow) {
        return OffsetDateTime.now(MOSCOW).plusMinutes(minutesFromNow).withNano(0).toString();
    }
}

package org.clientela.clients.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.clientela.clients.SavedFilter;
import org.clientela.identity.CurrentUser;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's saved views of the company list. A filter keeps only the list's own parameters, so
 * a saved link can neither smuggle anything else in nor break when opened later.
 */
@Service
public class SavedFilters {

    /** The list's filters and order: the API's {@code sort=region,desc}, the screen's {@code sort=region&dir=desc}. */
    static final Set<String> PARAMETERS = Set.of("q", "status", "segment", "region", "ownerId", "tag", "source",
            "sort", "dir");
    static final int MAX_PER_USER = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    SavedFilters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SavedFilter> mine() {
        return jdbc.sql("select * from saved_company_filter where owner_id = :owner order by lower(name)")
                .param("owner", CurrentUser.get().id().value())
                .query((rs, row) -> new SavedFilter(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("query"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional
    public SavedFilter save(String name, String query) {
        UUID owner = CurrentUser.get().id().value();
        InputErrors errors = new InputErrors();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            errors.add("name", "clients.field.required");
        } else if (trimmed.length() > 100) {
            errors.add("name", "clients.field.tooLong", 100);
        }
        String normalized = normalize(query);
        if (normalized.length() > 2000) {
            errors.add("query", "clients.field.tooLong", 2000);
        }
        errors.throwIfAny();
        // one user's filters are counted and named under a lock on that user, so two tabs cannot race past the rules
        jdbc.sql("select 1 from app_user where id = :owner for update").param("owner", owner).query().listOfRows();
        long count = jdbc.sql("select count(*) from saved_company_filter where owner_id = :owner")
                .param("owner", owner).query(Long.class).single();
        if (count >= MAX_PER_USER) {
            throw new ConflictException("clients.savedFilter.tooMany", MAX_PER_USER);
        }
        boolean taken = jdbc.sql("select exists(select 1 from saved_company_filter where owner_id = :owner "
                        + "and lower(name) = lower(:name))")
                .param("owner", owner).param("name", trimmed).query(Boolean.class).single();
        if (taken) {
            throw new ConflictException("clients.savedFilter.nameTaken", trimmed);
        }
        SavedFilter filter = new SavedFilter(UUID.randomUUID(), trimmed, normalized, clock.instant());
        jdbc.sql("insert into saved_company_filter (id, owner_id, name, query, created_at) "
                        + "values (:id, :owner, :name, :query, :createdAt)")
                .param("id", filter.id()).param("owner", owner).param("name", filter.name())
                .param("query", filter.query()).param("createdAt", Timestamp.from(filter.createdAt()))
                .update();
        return filter;
    }

    /** Deletes one of my filters; another user's answers as if it did not exist. */
    @Transactional
    public void delete(UUID id) {
        int deleted = jdbc.sql("delete from saved_company_filter where id = :id and owner_id = :owner")
                .param("id", id).param("owner", CurrentUser.get().id().value()).update();
        if (deleted == 0) {
            throw new RecordNotFoundException("SavedFilter", id);
        }
    }

    /** The list's own, non-empty parameters in a stable order, re-encoded. */
    public static String normalize(String query) {
        if (query == null || query.isBlank()) {
            return "";
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String pair : query.strip().replaceFirst("^\\?", "").split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8).strip();
            if (PARAMETERS.contains(key) && !value.isEmpty()) {
                kept.putIfAbsent(key, value);
            }
        }
        return kept.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

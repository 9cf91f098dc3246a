package org.clientela.platform.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.clientela.platform.IdempotencyKeyReusedException;
import org.clientela.platform.IdempotentRequests;
import org.clientela.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the first answer of each key. The key's row is inserted before the action runs, in the
 * same transaction: a second request with the key waits on the unique index until the first
 * commits (and then reads its answer) or rolls back (and then acts itself).
 */
@Component
class IdempotencyKeys implements IdempotentRequests {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotencyKeys(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Stored(String requestHash, int status, String location, String body) {
    }

    @Override
    @Transactional
    public <T> ResponseEntity<T> once(String key, String operation, Object request, Class<T> bodyType,
            Supplier<ResponseEntity<T>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 255) {
            throw new InvalidInputException(HEADER, "error.idempotency.keyTooLong", 255);
        }
        // the principal's name (the username): the platform knows people only as Spring Security does
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        String hash = sha256(json.writeValueAsString(request));
        int inserted = jdbc.sql("""
                        insert into idempotency_key (principal, idempotency_key, operation, request_hash)
                        values (:user, :key, :operation, :hash) on conflict do nothing""")
                .param("user", user).param("key", key).param("operation", operation).param("hash", hash).update();
        if (inserted == 0) {
            Stored stored = jdbc.sql("""
                            select request_hash, response_status, response_location, response_body from idempotency_key
                            where principal = :user and idempotency_key = :key and operation = :operation""")
                    .param("user", user).param("key", key).param("operation", operation)
                    .query((rs, row) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                    .single();
            if (!stored.requestHash().equals(hash)) {
                throw new IdempotencyKeyReusedException();
            }
            ResponseEntity.BodyBuilder replay = ResponseEntity.status(stored.status())
                    .header(REPLAYED_HEADER, "true");
            if (stored.location() != null) {
                replay.location(URI.create(stored.location()));
            }
            return replay.body(stored.body() == null ? null : json.readValue(stored.body(), bodyType));
        }
        ResponseEntity<T> response = action.get();
        URI location = response.getHeaders().getLocation();
        jdbc.sql("""
                        update idempotency_key set response_status = :status, response_location = :location,
                            response_body = :body
                        where principal = :user and idempotency_key = :key and operation = :operation""")
                .param("status", response.getStatusCode().value())
                .param("location", location == null ? null : location.toString())
                .param("body", response.getBody() == null ? null : json.writeValueAsString(response.getBody()))
                .param("user", user).param("key", key).param("operation", operation).update();
        return response;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}

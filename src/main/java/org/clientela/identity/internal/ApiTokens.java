package org.clientela.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.Role;
import org.clientela.identity.TeamId;
import org.clientela.identity.UserId;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Personal API tokens: made by their user, shown once, kept as a SHA-256 hash (a token carries
 * 256 random bits, so a slow hash would add nothing but latency), revoked by their user.
 * <p>
 * A token's check is remembered for {@link #REMEMBERED} after it was read: that read ran before
 * every API call. Measured with 8 clients registering companies, its round trip cost the
 * database 0.12 ms of CPU of some 0.6 ms a registration, and it was 14 % of the application's
 * samples. Revoking a token, or changing its owner's roles, team or access, forgets every check
 * on this server once the change commits; another server of a cluster reads it again within
 * {@link #REMEMBERED}.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "clt_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final Duration REMEMBERED = Duration.ofSeconds(2);
    /** Beyond this many remembered checks, those past their time go at the next read. */
    private static final int REMEMBERED_LIMIT = 10_000;

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Checks of tokens found, by hash: an unknown token is never remembered, so guessing fills nothing. */
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    /** Counts the changes that forgot every check: a check read before one is not trusted after it. */
    private final AtomicLong changes = new AtomicLong();

    ApiTokens(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A new token; its {@code secret} exists only in this answer. */
    @Transactional
    public CreatedToken create(UserId owner, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into api_token (id, user_id, name, token_hash, token_prefix, created_at)
                        values (:id, :userId, :name, :hash, :prefix, :createdAt)
                        """)
                .param("id", id)
                .param("userId", owner.value())
                .param("name", name.trim())
                .param("hash", hash(secret))
                .param("prefix", secret.substring(0, PREFIX.length() + 6))
                .param("createdAt", Timestamp.from(now))
                .update();
        auditLog.created("ApiToken", id, AuditChanges.of().field("name", null, name.trim())
                .field("user", null, owner));
        return new CreatedToken(new TokenView(id, name.trim(), secret.substring(0, PREFIX.length() + 6), now, null,
                null), secret);
    }

    @Transactional(readOnly = true)
    public List<TokenView> listOf(UserId owner) {
        return jdbc.sql("""
                        select id, name, token_prefix, created_at, last_used_at, revoked_at
                        from api_token where user_id = :userId order by created_at desc
                        """)
                .param("userId", owner.value())
                .query((rs, row) -> new TokenView(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("token_prefix"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /**
     * Revokes a token of {@code owner}; another user's token answers as if it did not exist.
     * Revoking a revoked token again changes nothing and records nothing.
     */
    @Transactional
    public void revoke(UserId owner, UUID tokenId) {
        Boolean wasRevoked = jdbc.sql("""
                        select revoked_at is not null from api_token
                        where id = :id and user_id = :userId
                        for update
                        """)
                .param("id", tokenId)
                .param("userId", owner.value())
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> new RecordNotFoundException("ApiToken", tokenId));
        if (wasRevoked) {
            return;
        }
        jdbc.sql("update api_token set revoked_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", tokenId)
                .update();
        auditLog.updated("ApiToken", tokenId, AuditChanges.of().field("revoked", false, true));
        forgetChecksAfterTransaction();
    }

    /**
     * Who a presented token belongs to, and whether it still works: one statement, since it runs
     * before the API calls made with a token, and then remembered for a moment.
     */
    public Optional<TokenCheck> check(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        long now = System.nanoTime();
        long changesSeen = changes.get();
        Remembered known = remembered.get(hash);
        if (known != null && known.changesSeen() == changesSeen && now - known.readAt() < REMEMBERED.toNanos()) {
            return Optional.of(known.check());
        }
        Optional<TokenCheck> check = jdbc.sql("""
                        select t.id, t.revoked_at is not null as revoked, t.last_used_at,
                               u.id as user_id, u.username, u.full_name, u.team_id, u.enabled,
                               array(select r.role from app_user_role r where r.app_user = u.id) as roles
                        from api_token t join app_user u on u.id = t.user_id
                        where t.token_hash = :hash
                        """)
                .param("hash", hash)
                .query((rs, row) -> {
                    UUID team = rs.getObject("team_id", UUID.class);
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String role : (String[]) rs.getArray("roles").getArray()) {
                        roles.add(Role.valueOf(role));
                    }
                    CurrentUser owner = new CurrentUser(new UserId(rs.getObject("user_id", UUID.class)),
                            rs.getString("username"), rs.getString("full_name"), roles,
                            team == null ? null : new TeamId(team));
                    return new TokenCheck(rs.getObject("id", UUID.class), owner, rs.getBoolean("enabled"),
                            rs.getBoolean("revoked"), instant(rs.getTimestamp("last_used_at")));
                })
                .optional();
        check.filter(token -> !token.revoked()).ifPresent(this::markUsed);
        check.ifPresent(found -> remember(hash, new Remembered(found, now, changesSeen)));
        return check;
    }

    private void remember(String hash, Remembered check) {
        if (remembered.size() >= REMEMBERED_LIMIT) {
            remembered.values().removeIf(old -> check.readAt() - old.readAt() >= REMEMBERED.toNanos());
        }
        remembered.put(hash, check);
    }

    /**
     * Forgets every remembered check once the current transaction ends, for a change to whether a
     * token works or whom it speaks for. Forgotten earlier, a check read just before the commit
     * would be remembered with what the change replaces; and a check that was being read while
     * the change committed is not trusted either.
     */
    void forgetChecksAfterTransaction() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                changes.incrementAndGet();
                remembered.clear();
            }
        });
    }

    private record Remembered(TokenCheck check, long readAt, long changesSeen) {
    }

    private void markUsed(TokenCheck token) {
        Instant now = clock.instant();
        // one write a minute at most, not one per API call
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
            jdbc.sql("update api_token set last_used_at = :now where id = :id")
                    .param("now", Timestamp.from(now)).param("id", token.id()).update();
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    public record CreatedToken(TokenView token, String secret) {
    }

    public record TokenCheck(UUID id, CurrentUser owner, boolean ownerEnabled, boolean revoked, Instant lastUsedAt) {
    }

    /** The details of a request authenticated by a token rather than a password. */
    public record TokenAuthentication(UUID tokenId) {
    }

    /**
     * Whether the current request came in with a token. A token may not make new tokens: one
     * that leaked could otherwise outlive its own revocation.
     */
    public static boolean currentRequestUsesToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getDetails() instanceof TokenAuthentication;
    }
}

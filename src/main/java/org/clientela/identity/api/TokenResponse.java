package org.clientela.identity.api;

import java.time.Instant;
import java.util.UUID;

import org.clientela.identity.internal.ApiTokens.TokenView;

/** A personal API token as listed: never its secret, only the first characters to recognise it. */
record TokenResponse(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt, boolean active) {

    static TokenResponse of(TokenView token) {
        return new TokenResponse(token.id(), token.name(), token.prefix(), token.createdAt(), token.lastUsedAt(),
                token.revokedAt(), token.active());
    }
}

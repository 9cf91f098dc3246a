package org.clientela.identity.api;

import java.time.Instant;
import java.util.UUID;

import org.clientela.identity.internal.ApiTokens.CreatedToken;

/** A new token with its secret: the only answer that ever contains it. */
record CreatedTokenResponse(UUID id, String name, String prefix, Instant createdAt, String token) {

    static CreatedTokenResponse of(CreatedToken created) {
        return new CreatedTokenResponse(created.token().id(), created.token().name(), created.token().prefix(),
                created.token().createdAt(), created.secret());
    }
}

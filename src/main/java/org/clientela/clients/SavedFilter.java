package org.clientela.clients;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's saved view of the company list.
 *
 * @param query the list's query string, e.g. {@code status=ACTIVE&region=Тула&sort=name}
 */
public record SavedFilter(UUID id, String name, String query, Instant createdAt) {
}

/**
 * The REST API of identity under {@code /api/v1}: the caller ({@code /me}) and their personal API
 * tokens, users and teams. Reads answer what the access policy lets the caller see (anything
 * else is 404); writes to users and teams are for administrators (403 for others) and need the
 * version the caller last saw ({@code If-Match} or {@code version}).
 */
package org.clientela.identity.api;

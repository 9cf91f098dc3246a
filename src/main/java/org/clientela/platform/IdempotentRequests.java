package org.clientela.platform;

import java.util.function.Supplier;

import org.springframework.http.ResponseEntity;

/**
 * The {@code Idempotency-Key} header of a creating POST (an order, a payment): a client that did
 * not get the answer may send the request again with the same key and gets the first answer,
 * while nothing is created twice. A key belongs to its user and operation; reused with another
 * request it is refused (422). A request that failed kept nothing, so it may be retried.
 */
public interface IdempotentRequests {

    String HEADER = "Idempotency-Key";

    /** Marks an answer that repeats the stored first answer. */
    String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * Runs {@code action} in one transaction with the record of {@code key}, or returns the answer
     * stored for the key. Concurrent requests with one key wait for the first one: only one acts.
     *
     * @param key       the header's value; {@code null} or blank runs the action without a record
     * @param operation names what the key is used for, e.g. {@code "orders.create"}
     * @param request   the request as read, compared with the first request of the key
     * @param bodyType  the type of the answer's body, to read the stored answer back
     */
    <T> ResponseEntity<T> once(String key, String operation, Object request, Class<T> bodyType,
            Supplier<ResponseEntity<T>> action);
}

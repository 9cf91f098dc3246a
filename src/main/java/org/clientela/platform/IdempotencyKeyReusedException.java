package org.clientela.platform;

/** An {@code Idempotency-Key} sent again with a different request: answers 422, nothing done. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("Idempotency-Key reused for a different request");
    }
}

package org.clientela.receivables.collection;

import java.util.UUID;

/** A step of the collection schedule: {@code daysAfterDue} days after an invoice's due date, do {@code kind}. */
record CollectionStep(UUID id, int position, StepKind kind, int daysAfterDue, long version) {
}

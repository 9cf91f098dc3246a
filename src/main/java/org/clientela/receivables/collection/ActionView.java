package org.clientela.receivables.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A collection action with its invoice and the names of the people involved.
 *
 * @param dueOn    by when the person should have done it
 * @param raised   whether a broken promise brought it before its day
 * @param mailedTo the address the reminder or the escalation went to, if one went out
 */
record ActionView(UUID id, UUID invoiceId, String invoiceNumber, LocalDate invoiceDate, LocalDate invoiceDueDate,
        BigDecimal invoiceAmount, BigDecimal invoiceOutstanding, LocalDate invoiceSettledOn, UUID companyId,
        String companyName, StepKind kind, int daysAfterDue, LocalDate createdOn, LocalDate dueOn, boolean raised,
        ActionStatus status, UUID assignedTo, String assigneeName, String mailedTo, String outcome, UUID doneBy,
        String doneByName, Instant doneAt, Instant cancelledAt, Instant createdAt, long version) {

    public boolean isOpen() {
        return status == ActionStatus.OPEN;
    }

    /** An open action past the day it should have been done by. */
    public boolean isLate(LocalDate today) {
        return isOpen() && dueOn.isBefore(today);
    }

    public long invoiceDaysOverdue(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(invoiceDueDate, today));
    }
}

package org.clientela.orders.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.orders.OrderStatus;

/**
 * An order's work plan (A5) as the API and the page show it. {@code saved} false: nobody has saved
 * a plan yet and these are the proposed steps (no ids, version 0). {@code editable}: the order is
 * confirmed or later, not cancelled, and the reader may change the plan.
 */
public record WorkPlanView(UUID orderId, String orderNumber, OrderStatus orderStatus, LocalDate orderDate,
        boolean saved, long version, boolean editable, List<Step> steps) {

    /**
     * A step: {@code status} LATE when it is not done and its due date has passed ({@code overdue}
     * says the same of a step with a problem).
     */
    public record Step(UUID id, int position, String title, LocalDate dueDate, Status status, boolean overdue,
            boolean informClient, LocalDate doneOn, String problem, LocalDate problemOn) {
    }

    public enum Status {
        PLANNED, DONE, LATE, PROBLEM
    }

    /** Whether the client's contact was written to of a step's change, and if not, why. */
    public enum ClientNotice {
        SENT,
        /** The step is not one the client hears of, or the user chose not to tell the client. */
        NOT_REQUESTED,
        /** The order is not to inform its client (its switch on the order page). */
        ORDER_NOT_INFORMING,
        /** The order has no contact with an e-mail address: the client could not be informed. */
        NO_ADDRESS
    }

    /** A step done or with a problem: the plan after it, and what became of the client's mail. */
    public record StepChange(WorkPlanView plan, UUID stepId, ClientNotice notice) {
    }

    /** A step of a plan to save: {@code id} of a step kept (its state kept too), none for a new one. */
    public record StepInput(String id, String title, String dueDate, Boolean informClient) {
    }
}

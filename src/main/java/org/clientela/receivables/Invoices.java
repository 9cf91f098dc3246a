package org.clientela.receivables;

import java.util.List;
import java.util.UUID;

/** Invoicing, as the orders module asks for it. */
public interface Invoices {

    /**
     * Issues an invoice in the caller's transaction: numbers it, sets its due date from the
     * company's payment terms, and pays it from the client's unallocated payments, if any. The
     * caller has checked that the current user may see the company.
     */
    InvoiceView issue(NewInvoice invoice);

    /** The invoices of an order, oldest first. */
    List<InvoiceView> ofOrder(UUID orderId);
}

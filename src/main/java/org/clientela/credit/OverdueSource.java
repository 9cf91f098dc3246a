package org.clientela.credit;

/** Whether a company has an invoice overdue on a day: the receivables module answers. */
public interface OverdueSource {

    /**
     * An SQL query over the module's own tables answering the columns {@code company_id uuid,
     * oldest_due date}: for each company with an unpaid invoice, the earliest due date among them,
     * without parameters. A company has an invoice overdue on a day when that date is before it. The
     * credit module reads it in the same statement as the exposure, like {@link ExposureSource}'s.
     */
    String oldestDueByCompanyQuery();
}

package org.clientela.credit;

import java.time.LocalDate;

import org.clientela.clients.CompanyId;

/** Whether a company has an invoice overdue on a day: the receivables module answers. */
public interface OverdueSource {

    boolean hasOverdue(CompanyId company, LocalDate day);
}

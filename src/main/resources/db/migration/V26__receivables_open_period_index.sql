-- Ageing at a past day (R2): the invoices open at the end of a day are those issued by then and not
-- settled by then, i.e. whose open period [issue_date, settled_on) contains the day (an unsettled
-- invoice's period has no end). Neither date alone narrows a day a year back to them: each leaves
-- half of all invoices to read. The periods' GiST index finds them directly.
alter table invoice add constraint invoice_settled_after_issue check (settled_on >= issue_date);
create index invoice_open_period_idx on invoice using gist (daterange(issue_date, settled_on, '[)'));
-- and what payments dated after that day paid of each of them, from this index alone
create index payment_allocation_invoice_date_idx on payment_allocation (invoice_id, payment_date) include (amount);
-- which serves every reader of the two it replaces: allocations by invoice, and by invoice after a day
drop index payment_allocation_invoice_idx;
drop index payment_allocation_date_idx;

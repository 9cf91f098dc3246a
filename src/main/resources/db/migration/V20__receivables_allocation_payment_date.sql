-- The date of the payment on each of its allocations. A payment's date never changes, and the
-- ageing and DSO of a past day need, for every invoice unpaid that day, what payments dated after
-- that day paid of it: read from this index alone (the fewer, the later the day), without the
-- payments themselves.
alter table payment_allocation add column payment_date date;
update payment_allocation a set payment_date = p.payment_date from payment p where p.id = a.payment_id;
alter table payment_allocation alter column payment_date set not null;
create index payment_allocation_date_idx on payment_allocation (payment_date) include (invoice_id, amount);

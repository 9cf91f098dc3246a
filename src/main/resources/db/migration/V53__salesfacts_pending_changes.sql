-- The changes to the orders' sales (V24's view) whose sales facts are not recomputed yet: a row is
-- written in the transaction of the change (a confirmation, a cancellation, a return), so that it
-- exists exactly when the change committed, and deleted in the transaction that recomputes the
-- (company, month) it names. Many rows are taken and their cells recomputed together, in a few
-- statements, where before each change had a transaction of its own after the commit (through
-- Spring Modulith's event publication registry) of about ten statements.
create table sales_fact_pending (
    id         bigint generated always as identity primary key,
    -- the order whose sales changed: the company it belongs to now is recomputed too (a merge
    -- may have moved it since)
    order_id   uuid not null,
    company_id uuid not null,
    month      date not null,
    constraint sales_fact_pending_first_day check (extract(day from month) = 1)
);

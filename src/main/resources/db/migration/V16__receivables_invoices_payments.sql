-- Receivables (R1-R4): invoices, payments and which payment paid which invoice.
create sequence invoice_number_seq;

create table invoice (
    id          uuid                     not null primary key,
    -- the number the client sees: ours (СЧ-000123) or, imported, the accounting system's
    number      text                     not null,
    company_id  uuid                     not null references company (id),
    -- the order invoiced, if any (the orders module's id; no foreign key across modules)
    order_id    uuid,
    issue_date  date                     not null,
    due_date    date                     not null,
    -- with VAT
    amount      numeric(16, 2)           not null,
    vat_amount  numeric(16, 2)           not null,
    paid_amount numeric(16, 2)           not null default 0,
    -- the day the invoice was paid in full (its last payment's date); null while anything is owed
    settled_on  date,
    source      text                     not null,
    created_at  timestamp with time zone not null default now(),
    created_by  uuid                     references app_user (id),
    constraint invoice_number_length check (btrim(number) <> '' and length(number) <= 64),
    constraint invoice_amount_positive check (amount > 0),
    constraint invoice_vat_range check (vat_amount >= 0 and vat_amount <= amount),
    constraint invoice_paid_range check (paid_amount >= 0 and paid_amount <= amount),
    constraint invoice_settled_when_paid check ((settled_on is not null) = (paid_amount = amount)),
    constraint invoice_due_after_issue check (due_date >= issue_date),
    constraint invoice_source_known check (source in ('ORDER', 'IMPORT', 'MANUAL'))
);
create unique index invoice_number_idx on invoice (number);
-- the balance at a date: sums of a company's invoices up to the date, from the index alone
create index invoice_company_issue_idx on invoice (company_id, issue_date) include (amount);
-- exposure, overdue and ageing today: only the invoices still owed
create index invoice_open_idx on invoice (company_id, due_date) include (amount, paid_amount) where settled_on is null;
create index invoice_settled_idx on invoice (settled_on) where settled_on is not null;
create index invoice_order_idx on invoice (order_id) where order_id is not null;

create table payment (
    id           uuid                     not null primary key,
    company_id   uuid                     not null references company (id),
    payment_date date                     not null,
    amount       numeric(16, 2)           not null,
    -- what is left of the payment after it paid invoices: the client's credit with us
    unallocated  numeric(16, 2)           not null,
    -- the payment order's number and purpose as the bank statement gives them
    reference    text,
    purpose      text,
    source       text                     not null,
    created_at   timestamp with time zone not null default now(),
    created_by   uuid                     references app_user (id),
    constraint payment_amount_positive check (amount > 0),
    constraint payment_unallocated_range check (unallocated >= 0 and unallocated <= amount),
    constraint payment_reference_length check (length(reference) <= 64),
    constraint payment_purpose_length check (length(purpose) <= 1000),
    constraint payment_source_known check (source in ('MANUAL', 'IMPORT', 'API'))
);
create index payment_company_date_idx on payment (company_id, payment_date) include (amount);
create index payment_unallocated_idx on payment (company_id, payment_date) where unallocated > 0;

create table payment_allocation (
    payment_id uuid           not null references payment (id),
    invoice_id uuid           not null references invoice (id),
    amount     numeric(16, 2) not null,
    primary key (payment_id, invoice_id),
    constraint payment_allocation_amount_positive check (amount > 0)
);
create index payment_allocation_invoice_idx on payment_allocation (invoice_id);

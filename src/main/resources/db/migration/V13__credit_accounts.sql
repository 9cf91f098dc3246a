-- Credit (O3, R5): a company's credit limit and payment terms, and every change with who and why.
-- A company without a row has no limit: it buys on prepayment.
create table credit_account (
    company_id         uuid                     not null primary key references company (id),
    credit_limit       numeric(16, 2)           not null,
    -- days from an invoice to its due date; 0 is prepayment
    payment_terms_days integer                  not null,
    version            bigint                   not null,
    updated_at         timestamp with time zone not null default now(),
    updated_by         uuid                     references app_user (id),
    constraint credit_account_limit_not_negative check (credit_limit >= 0),
    constraint credit_account_terms_range check (payment_terms_days between 0 and 365)
);

create table credit_limit_change (
    id                     uuid                     not null primary key,
    company_id             uuid                     not null references company (id),
    old_limit              numeric(16, 2),
    new_limit              numeric(16, 2)           not null,
    old_payment_terms_days integer,
    new_payment_terms_days integer                  not null,
    reason                 text                     not null,
    changed_by             uuid                     not null references app_user (id),
    changed_at             timestamp with time zone not null default now(),
    constraint credit_limit_change_reason_length check (btrim(reason) <> '' and length(reason) <= 2000)
);
create index credit_limit_change_company_idx on credit_limit_change (company_id, changed_at desc);

-- Contacts: the people at a company (C2). A contact who left the company stays, inactive.
create table contact (
    id            uuid                     not null primary key,
    company_id    uuid                     not null references company (id),
    full_name     text                     not null,
    position      text,
    decision_role text,
    phones        text[]                   not null default '{}',
    -- each phone reduced to its digits (8… and ten-digit Russian numbers as 7…), kept by the
    -- application, so that a phone is found whatever its formatting
    phone_digits  text[]                   not null default '{}',
    -- lower-cased by the application: an address is found whatever its case
    emails        text[]                   not null default '{}',
    messenger     text,
    birthday      date,
    notes         text,
    active        boolean                  not null default true,
    version       bigint                   not null,
    created_at    timestamp with time zone not null default now(),
    constraint contact_full_name_length check (btrim(full_name) <> '' and length(full_name) <= 300),
    constraint contact_decision_role_known check (decision_role is null or decision_role in
        ('DECISION_MAKER', 'INFLUENCER', 'USER', 'GATEKEEPER')),
    constraint contact_phone_digits_only check (array_to_string(phone_digits, ',') ~ '^([0-9]{10,15}(,[0-9]{10,15})*)?$'),
    constraint contact_emails_lower_case check (array_to_string(emails, ',') = lower(array_to_string(emails, ',')))
);
create index contact_company_idx on contact (company_id);
create index contact_full_name_trgm_idx on contact using gin (lower(full_name) gin_trgm_ops);
create index contact_phone_digits_idx on contact using gin (phone_digits);
create index contact_emails_idx on contact using gin (emails);

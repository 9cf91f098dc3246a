-- What we know of a client's business (C3), and the research notes of a prospect (C6).
create table company_dossier (
    company_id        uuid                     not null primary key references company (id),
    annual_revenue    numeric(18, 2),
    staff_size        int,
    business_history  text,
    needs             text,
    development_plans text,
    interests         text,
    purchase_motives  text,
    audience_segment  text,
    version           bigint                   not null,
    updated_at        timestamp with time zone not null,
    updated_by        text                     not null,
    constraint company_dossier_revenue_not_negative check (annual_revenue is null or annual_revenue >= 0),
    constraint company_dossier_staff_not_negative check (staff_size is null or staff_size >= 0)
);

-- Dates that matter to the client: a founding anniversary, a director's birthday, a fair.
create table company_key_date (
    company_id  uuid not null references company_dossier (company_id) on delete cascade,
    position    int  not null,
    day         date not null,
    description text not null,
    primary key (company_id, position),
    constraint company_key_date_description check (btrim(description) <> '' and length(description) <= 300)
);

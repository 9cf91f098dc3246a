-- Account plans (K3): the cooperation plan of a key account for a calendar year, drafted by its KAM
-- or owner, approved by the head or the director; its goals, the actions towards them and the
-- quarterly reviews. Execution is not stored: it is read from sales_fact_month when shown.
create table account_plan (
    id                   uuid primary key,
    company_id           uuid not null references company (id),
    year                 integer not null check (year between 2000 and 2100),
    status               text not null check (status in ('DRAFT', 'APPROVED')),
    -- the goals for the year, each optional until the plan is approved
    revenue_goal         numeric(18, 2) check (revenue_goal >= 0),
    margin_goal          numeric(18, 2) check (margin_goal >= 0),
    -- the assortment groups to introduce, in words, and those of the catalog it names
    assortment_goal      text not null default '',
    assortment_group_ids uuid[] not null default '{}',
    -- the share of the client's purchases of our products that comes from us, in percent: aimed at, and estimated now
    share_of_wallet_goal numeric(5, 2) check (share_of_wallet_goal between 0 and 100),
    share_of_wallet_now  numeric(5, 2) check (share_of_wallet_now between 0 and 100),
    approved_by          uuid references app_user (id),
    approved_at          timestamptz,
    created_by           uuid not null references app_user (id),
    created_at           timestamptz not null,
    version              bigint not null,
    constraint account_plan_approved_has_who check (status <> 'APPROVED' or (approved_by is not null and approved_at is not null))
);
create unique index account_plan_company_year on account_plan (company_id, year);
create index account_plan_year on account_plan (year, status);

create table account_plan_action (
    id         uuid primary key,
    plan_id    uuid not null references account_plan (id),
    title      text not null check (btrim(title) <> ''),
    owner_id   uuid not null references app_user (id),
    deadline   date not null,
    status     text not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    done_on    date,
    note       text not null default '',
    created_at timestamptz not null,
    version    bigint not null,
    constraint account_plan_action_done check ((status = 'DONE') = (done_on is not null))
);
create index account_plan_action_plan on account_plan_action (plan_id, deadline);

-- one review per quarter of the plan's year, rewritten in place (the audit keeps the earlier words)
create table account_plan_review (
    plan_id    uuid not null references account_plan (id),
    quarter    smallint not null check (quarter between 1 and 4),
    comment    text not null check (btrim(comment) <> ''),
    written_by uuid not null references app_user (id),
    written_at timestamptz not null,
    version    bigint not null,
    primary key (plan_id, quarter)
);

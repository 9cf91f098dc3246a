-- Service tiers (K2): the special terms a key account gets.
create table service_tier (
    id               uuid primary key,
    name             text not null,
    discount_percent numeric(4, 2) not null check (discount_percent >= 0 and discount_percent <= 50),
    lead_time_days   integer not null check (lead_time_days >= 0),
    contract_terms   text not null default '',
    version          bigint not null default 0
);
create unique index service_tier_name on service_tier (lower(name));

-- A company's key-account state (K2), one row once the rule or a person decided anything about it.
-- is_key with basis says who made the flag: the rule (it may take it back) or a decision (it may
-- not). An unmarking by decision (is_key false, basis DECISION) keeps the rule from marking the
-- company again until a person marks it. KAM and tier stay on an unmarked account, for its return.
create table key_account (
    company_id uuid primary key,
    is_key     boolean not null,
    basis      text not null check (basis in ('RULE', 'DECISION')),
    since      timestamptz not null,
    reason     text not null,
    kam_id     uuid,
    tier_id    uuid references service_tier (id),
    version    bigint not null default 0
);
create index key_account_key on key_account (is_key) where is_key;
create index key_account_tier on key_account (tier_id);

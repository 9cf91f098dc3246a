-- The client base: companies, legal entities and sole traders.
create extension if not exists pg_trgm;

create table company (
    id                    uuid                     not null primary key,
    name                  text                     not null,
    legal_form            text                     not null,
    inn                   varchar(12)              not null,
    kpp                   varchar(9),
    ogrn                  varchar(15),
    legal_address         text,
    delivery_address      text,
    bik                   varchar(9),
    bank_name             text,
    settlement_account    varchar(20),
    correspondent_account varchar(20),
    segment               text,
    region                text,
    size                  text,
    source                text,
    status                text                     not null,
    lost_reason           text,
    owner_id              uuid                     not null references app_user (id),
    tags                  text[]                   not null default '{}',
    archived_at           timestamp with time zone,
    version               bigint                   not null,
    created_at            timestamp with time zone not null default now(),
    constraint company_name_length check (btrim(name) <> '' and length(name) <= 500),
    constraint company_inn_digits check (inn ~ '^([0-9]{10}|[0-9]{12})$'),
    constraint company_kpp_format check (kpp is null or kpp ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$'),
    constraint company_sole_trader_has_no_kpp check (length(inn) = 10 or kpp is null),
    constraint company_ogrn_digits check (ogrn is null or ogrn ~ '^([0-9]{13}|[0-9]{15})$'),
    constraint company_status_known check (status in ('PROSPECT', 'ACTIVE', 'DORMANT', 'LOST')),
    constraint company_lost_has_reason check (status <> 'LOST' or lost_reason is not null),
    constraint company_source_known check (source is null or source in
        ('EXHIBITION', 'FAIR', 'ADVERT', 'REFERRAL', 'WEBSITE', 'COLD_CALL', 'EMAIL_CAMPAIGN'))
);
-- one INN with one KPP is one company, archived or not
create unique index company_inn_kpp_uq on company (inn, coalesce(kpp, ''));
create index company_owner_idx on company (owner_id) where archived_at is null;
create index company_name_order_idx on company (lower(name), id) where archived_at is null;
create index company_inn_prefix_idx on company (inn text_pattern_ops);
create index company_name_trgm_idx on company using gin (lower(name) gin_trgm_ops);
create index company_tags_idx on company using gin (tags);

-- The catalogue and its prices (P1, P2): products in assortment groups, glass units by formula,
-- versioned price lists, price types (a client's discount off the base price).
create table assortment_group (
    id   uuid not null primary key,
    name text not null,
    constraint assortment_group_name_length check (btrim(name) <> '' and length(name) <= 200)
);
create unique index assortment_group_name_idx on assortment_group (lower(name));

create table product (
    id         uuid                     not null primary key,
    sku        text                     not null,
    name       text                     not null,
    unit       text                     not null,
    group_id   uuid                     not null references assortment_group (id),
    -- a glass unit's layers in millimetres, glass-spacer-glass…, e.g. 4-16-4; priced per m²
    formula    text,
    -- what the unit costs the factory: seen only by those allowed to see margins
    cost_price numeric(14, 2),
    active     boolean                  not null default true,
    version    bigint                   not null,
    created_at timestamp with time zone not null default now(),
    constraint product_sku_length check (btrim(sku) <> '' and length(sku) <= 64),
    constraint product_name_length check (btrim(name) <> '' and length(name) <= 300),
    constraint product_unit_known check (unit in ('PCS', 'M2', 'M')),
    constraint product_formula_per_m2 check (formula is null or unit = 'M2'),
    constraint product_cost_price_positive check (cost_price is null or cost_price > 0)
);
create unique index product_sku_idx on product (lower(sku));
create index product_name_trgm_idx on product using gin (lower(name) gin_trgm_ops);
create index product_group_idx on product (group_id);

-- A price list has versions; a version supersedes the previous ones from its effective date.
create table price_list (
    id   uuid    not null primary key,
    name text    not null,
    -- the list that client prices are computed from: exactly one
    base boolean not null default false,
    constraint price_list_name_length check (btrim(name) <> '' and length(name) <= 200)
);
create unique index price_list_name_idx on price_list (lower(name));
create unique index price_list_one_base_idx on price_list (base) where base;

create table price_list_version (
    id             uuid                     not null primary key,
    price_list_id  uuid                     not null references price_list (id),
    version        integer                  not null,
    effective_from date                     not null,
    created_at     timestamp with time zone not null default now(),
    created_by     text                     not null,
    constraint price_list_version_unique unique (price_list_id, version)
);
create index price_list_version_effective_idx on price_list_version (price_list_id, effective_from desc, version desc);

create table price_list_entry (
    version_id uuid           not null references price_list_version (id),
    product_id uuid           not null references product (id),
    price      numeric(14, 2) not null,
    primary key (version_id, product_id),
    constraint price_list_entry_price_positive check (price > 0)
);
create index price_list_entry_product_idx on price_list_entry (product_id);

-- A price type is a client's discount off the base price, e.g. «Дилер» 10 %.
create table price_type (
    id               uuid         not null primary key,
    name             text         not null,
    discount_percent numeric(5, 2) not null,
    constraint price_type_name_length check (btrim(name) <> '' and length(name) <= 200),
    constraint price_type_discount_range check (discount_percent >= 0 and discount_percent < 100)
);
create unique index price_type_name_idx on price_type (lower(name));

create table company_price_type (
    company_id    uuid                     not null primary key references company (id),
    price_type_id uuid                     not null references price_type (id),
    updated_at    timestamp with time zone not null default now()
);

-- The base price list: products created through the API put their base price here.
insert into price_list (id, name, base) values ('00000000-0000-0000-0000-0000000ca7a1', 'Базовый прайс-лист', true);

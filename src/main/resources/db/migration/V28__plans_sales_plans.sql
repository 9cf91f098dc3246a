-- Sales plans (T1): per month or quarter, targets for the department, each manager, key accounts
-- and assortment groups; drafted by the head, approved by the head or the director.
create table sales_plan (
    id           uuid                     not null primary key,
    -- 2026-11 (a month) or 2026-Q4 (a quarter): one plan per period
    period       text                     not null,
    period_start date                     not null,
    period_end   date                     not null,
    status       text                     not null,
    approved_by  uuid                     references app_user (id),
    approved_at  timestamp with time zone,
    version      bigint                   not null,
    created_by   uuid                     references app_user (id),
    created_at   timestamp with time zone not null default now(),
    constraint sales_plan_status_known check (status in ('DRAFT', 'APPROVED')),
    constraint sales_plan_period_order check (period_start <= period_end),
    constraint sales_plan_approved_has_who check (status <> 'APPROVED' or (approved_by is not null and approved_at is not null))
);
create unique index sales_plan_period_idx on sales_plan (period);

-- One row of a plan. scope_id: the manager (app_user), the company, the assortment group; the
-- department's row has the nil uuid. A measure left empty has no target.
create table sales_plan_target (
    plan_id        uuid           not null references sales_plan (id) on delete cascade,
    scope          text           not null,
    scope_id       uuid           not null,
    revenue        numeric(18, 2),
    margin         numeric(18, 2),
    active_clients integer,
    new_clients    integer,
    primary key (plan_id, scope, scope_id),
    constraint sales_plan_target_scope_known check (scope in ('DEPARTMENT', 'MANAGER', 'COMPANY', 'GROUP')),
    constraint sales_plan_target_non_negative check (revenue >= 0 and margin >= 0 and active_clients >= 0
        and new_clients >= 0)
);

-- Early warnings (K4): a client whose orders, assortment or debt move the wrong way, found by the
-- daily run of the rules. One current warning per company and kind (open or dismissed): a later
-- run refreshes its evidence, and closes it once its condition no longer holds; a dismissed one
-- stays dismissed until then, and a new one opens when the condition comes back.
create table early_warning (
    id               uuid primary key,
    company_id       uuid not null references company (id),
    kind             text not null check (kind in ('VOLUME_FALLING', 'FREQUENCY_FALLING', 'ASSORTMENT_SHRINKING',
                                                   'DEBT_GROWING', 'NO_RECENT_ORDER')),
    status           text not null check (status in ('OPEN', 'DISMISSED', 'CLOSED')),
    -- the day of the run that found it first, and of the last run that found it still holding
    detected_on      date not null,
    refreshed_on     date not null,
    -- the figures the rule compared (this period and the client's own baseline), as of refreshed_on
    evidence         jsonb not null,
    dismissed_by     uuid references app_user (id),
    dismissed_at     timestamptz,
    dismissal_reason text,
    closed_on        date,
    version          bigint not null default 1,
    constraint early_warning_dismissal check (status <> 'DISMISSED'
        or (dismissed_by is not null and dismissed_at is not null and dismissal_reason is not null))
);
create unique index early_warning_current on early_warning (company_id, kind) where status <> 'CLOSED';
-- the lists: the open (or dismissed) warnings of some owners' companies, the latest first
create index early_warning_status on early_warning (status, detected_on desc);

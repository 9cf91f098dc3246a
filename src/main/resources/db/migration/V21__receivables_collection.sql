-- Collection of overdue invoices (R3): the schedule of reminder steps, the actions the daily run
-- creates from it, the client's promises to pay, and ShedLock's table that keeps the run to one
-- node at a time.

-- The schedule: a step is due so many days after an invoice's due date. Steps of one day follow
-- their position.
create table collection_step (
    id             uuid                     not null primary key,
    position       integer                  not null,
    kind           text                     not null,
    days_after_due integer                  not null,
    version        bigint                   not null default 0,
    created_at     timestamp with time zone not null default now(),
    constraint collection_step_kind_known check (kind in ('EMAIL_REMINDER', 'CALL_TASK', 'LETTER', 'ESCALATION')),
    constraint collection_step_days_range check (days_after_due between 0 and 3650)
);
create unique index collection_step_kind_day_uq on collection_step (kind, days_after_due);

insert into collection_step (id, position, kind, days_after_due) values
    ('8f6a4d1e-0c1b-4c55-9b1f-2f4a7c1d0001', 1, 'EMAIL_REMINDER', 1),
    ('8f6a4d1e-0c1b-4c55-9b1f-2f4a7c1d0002', 2, 'CALL_TASK', 7),
    ('8f6a4d1e-0c1b-4c55-9b1f-2f4a7c1d0003', 3, 'LETTER', 14),
    ('8f6a4d1e-0c1b-4c55-9b1f-2f4a7c1d0004', 4, 'ESCALATION', 30);

-- What a promise covers: one invoice, or (no invoice) everything the company owes.
create table payment_promise (
    id            uuid                     not null primary key,
    company_id    uuid                     not null references company (id),
    invoice_id    uuid                     references invoice (id),
    promised_date date                     not null,
    amount        numeric(16, 2)           not null,
    -- who at the client promised, as the manager heard it
    made_by       text,
    note          text,
    -- payments from this day to the promised date (both inclusive) keep the promise
    recorded_on   date                     not null,
    recorded_at   timestamp with time zone not null default now(),
    recorded_by   uuid                     not null references app_user (id),
    status        text                     not null default 'OPEN',
    -- when the daily run found it kept or broken
    checked_at    timestamp with time zone,
    version       bigint                   not null default 0,
    constraint payment_promise_amount_positive check (amount > 0),
    constraint payment_promise_status_known check (status in ('OPEN', 'KEPT', 'BROKEN')),
    constraint payment_promise_checked_when_decided check ((status = 'OPEN') = (checked_at is null)),
    constraint payment_promise_made_by_length check (length(made_by) <= 200),
    constraint payment_promise_note_length check (length(note) <= 2000)
);
create index payment_promise_company_idx on payment_promise (company_id, recorded_at);
create index payment_promise_open_idx on payment_promise (promised_date) where status = 'OPEN';

-- One action per invoice and step: the unique index makes the daily run idempotent, also when two
-- runs overlap. A removed step leaves its actions in place, without the step.
create table collection_action (
    id                uuid                     not null primary key,
    invoice_id        uuid                     not null references invoice (id),
    step_id           uuid                     references collection_step (id) on delete set null,
    kind              text                     not null,
    -- the step's day as it was when the action was created
    days_after_due    integer                  not null,
    created_on        date                     not null,
    -- by when the person should have done it
    due_on            date                     not null,
    -- the broken promise that brought the step forward, if it came before its day
    raised_by_promise uuid                     references payment_promise (id),
    status            text                     not null default 'OPEN',
    assigned_to       uuid                     not null references app_user (id),
    -- the reminder's or the escalation's recipient, when a mail went out
    mailed_to         text,
    outcome           text,
    done_by           uuid                     references app_user (id),
    done_at           timestamp with time zone,
    cancelled_at      timestamp with time zone,
    created_at        timestamp with time zone not null default now(),
    version           bigint                   not null default 0,
    constraint collection_action_kind_known check (kind in ('EMAIL_REMINDER', 'CALL_TASK', 'LETTER', 'ESCALATION')),
    constraint collection_action_status_known check (status in ('OPEN', 'DONE', 'CANCELLED')),
    constraint collection_action_done_when_done check ((status = 'DONE') = (done_at is not null)),
    constraint collection_action_cancelled_when_cancelled check ((status = 'CANCELLED') = (cancelled_at is not null)),
    constraint collection_action_outcome_length check (length(outcome) <= 2000)
);
create unique index collection_action_invoice_step_uq on collection_action (invoice_id, step_id);
create index collection_action_assignee_open_idx on collection_action (assigned_to, due_on) where status = 'OPEN';

-- ShedLock's table (its JDBC provider's schema for PostgreSQL); times are UTC, from the database.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

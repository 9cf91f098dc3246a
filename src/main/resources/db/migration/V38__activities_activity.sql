-- Activities (A1): a call, meeting, visit, letter… planned with a company and its people, then
-- done with an outcome (and the next step, planned as the next activity) or cancelled.

create table activity (
    id             uuid                     not null primary key,
    company_id     uuid                     not null references company (id),
    -- who plans and does it
    owner_id       uuid                     not null references app_user (id),
    type           text                     not null,
    subject        text                     not null,
    planned_start  timestamp with time zone not null,
    planned_end    timestamp with time zone not null,
    -- the IANA zone it was planned in: the calendar of a client in another city shows it in theirs
    time_zone      text                     not null,
    location       text,
    status         text                     not null default 'PLANNED',
    actual_start   timestamp with time zone,
    -- minutes the actual start came after the planned one (0 when on time), kept for the statistics
    late_minutes   integer,
    outcome        text,
    next_step      text,
    cancel_reason  text,
    -- the activity whose next step this one is
    previous_id    uuid                     references activity (id),
    -- when the outcome or the cancellation was recorded
    closed_at      timestamp with time zone,
    created_by     uuid                     references app_user (id),
    created_at     timestamp with time zone not null default now(),
    version        bigint                   not null default 0,
    constraint activity_type_known check (type in ('CALL', 'MEETING', 'VISIT', 'EMAIL', 'LETTER', 'PRESENTATION',
        'NEGOTIATION', 'EVENT')),
    constraint activity_status_known check (status in ('PLANNED', 'DONE', 'CANCELLED')),
    constraint activity_subject_length check (btrim(subject) <> '' and length(subject) <= 300),
    constraint activity_end_after_start check (planned_end >= planned_start),
    constraint activity_location_length check (length(location) <= 300),
    constraint activity_outcome_length check (length(outcome) <= 4000),
    constraint activity_next_step_length check (length(next_step) <= 300),
    constraint activity_cancel_reason_length check (length(cancel_reason) <= 2000),
    constraint activity_done_has_outcome check (status <> 'DONE'
        or (outcome is not null and actual_start is not null and late_minutes >= 0)),
    constraint activity_closed_when_not_planned check ((status = 'PLANNED') = (closed_at is null))
);
-- the company page and its timeline
create index activity_company_idx on activity (company_id, planned_start desc);
-- the agenda: a person's planned activities of a day or a week
create index activity_owner_planned_idx on activity (owner_id, planned_start) where status = 'PLANNED';
create index activity_previous_idx on activity (previous_id) where previous_id is not null;

create table activity_contact (
    activity_id uuid not null references activity (id) on delete cascade,
    contact_id  uuid not null references contact (id),
    primary key (activity_id, contact_id)
);
create index activity_contact_contact_idx on activity_contact (contact_id);

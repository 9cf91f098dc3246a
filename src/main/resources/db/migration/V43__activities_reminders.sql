-- Reminders before activities (A3): a person's own offsets, and each reminder sent.

-- A person's own choice; without a row the department's offsets (clientela.activities.reminders)
-- apply, as they do while minutes_before is null. An empty array: no reminders at all.
create table activity_reminder_settings (
    user_id        uuid      not null primary key references app_user (id),
    minutes_before integer[],
    version        bigint    not null default 0,
    constraint activity_reminder_settings_few check (cardinality(minutes_before) <= 5),
    constraint activity_reminder_settings_range check (1 <= all (minutes_before) and 1440 >= all (minutes_before))
);

-- Each reminder once: the key is what a reminder is about, so that two nodes (or a run that
-- overlaps the next) send it once, and a moved start (a new key) arms the reminders again.
create table activity_reminder_sent (
    activity_id    uuid                     not null references activity (id) on delete cascade,
    minutes_before integer                  not null,
    planned_start  timestamp with time zone not null,
    sent_at        timestamp with time zone not null,
    -- the message, in mail_message; one message may carry several reminders that fell due together
    mail_id        uuid,
    primary key (activity_id, minutes_before, planned_start)
);

-- the run each minute: the planned activities starting soon, whoever's
create index activity_planned_start_idx on activity (planned_start) where status = 'PLANNED';
-- the punctuality statistics: the activities done by a person in a period
create index activity_owner_actual_idx on activity (owner_id, actual_start) where status = 'DONE';

-- Contact cadences (A2): how often the department must be in touch with a company. The default
-- follows the company's standing (key account weekly, class A every two weeks, B monthly, C and no
-- class quarterly), which a daily run copies here from the key accounts so that the overdue list
-- never classifies per request; a person may set an individual cadence instead, with a reason.

-- when the company was created: the last contact of a company never contacted
create or replace view company_ref as
select id, name, legal_form, inn, kpp, owner_id, status, archived_at, merged_into, segment, created_at
from company;

create table contact_cadence (
    company_id  uuid        not null primary key references company (id),
    -- KEY, A, B, C or NONE as the latest run found it, and the day of that run
    standing    text        not null default 'NONE',
    standing_on date,
    -- the individual cadence in days; null for the standing's default
    days        integer,
    -- why the cadence was last set by a person (to an individual one or back to the default)
    reason      text,
    changed_by  uuid        references app_user (id),
    changed_at  timestamp with time zone,
    -- counts the people's changes only: the daily run leaves it alone
    version     bigint      not null default 0,
    constraint contact_cadence_standing_known check (standing in ('KEY', 'A', 'B', 'C', 'NONE')),
    constraint contact_cadence_days_range check (days between 1 and 365),
    constraint contact_cadence_reason_length check (btrim(reason) <> '' and length(reason) <= 2000),
    constraint contact_cadence_individual_has_reason check (days is null or reason is not null)
);

-- the last contact of each company: its latest done activity
create index activity_company_done_idx on activity (company_id, actual_start desc) where status = 'DONE';

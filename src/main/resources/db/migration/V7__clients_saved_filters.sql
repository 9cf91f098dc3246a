-- A user's saved views of the company list: a name and the list's query string.
create table saved_company_filter (
    id         uuid                     not null primary key,
    owner_id   uuid                     not null references app_user (id) on delete cascade,
    name       text                     not null,
    query      text                     not null,
    created_at timestamp with time zone not null,
    constraint saved_company_filter_name check (btrim(name) <> '' and length(name) <= 100),
    constraint saved_company_filter_query check (length(query) <= 2000)
);
create unique index saved_company_filter_name_uq on saved_company_filter (owner_id, lower(name));

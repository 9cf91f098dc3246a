create table team (
    id         uuid                     not null primary key,
    name       text                     not null,
    version    bigint                   not null,
    created_at timestamp with time zone not null default now(),
    constraint team_name_not_blank check (btrim(name) <> '')
);
create unique index team_name_uq on team (lower(name));

create table app_user (
    id                   uuid                     not null primary key,
    username             text                     not null,
    full_name            text                     not null,
    email                text,
    password_hash        text                     not null,
    team_id              uuid references team (id),
    enabled              boolean                  not null default true,
    failed_logins        int                      not null default 0,
    locked_until         timestamp with time zone,
    password_changed_at  timestamp with time zone not null default now(),
    version              bigint                   not null,
    created_at           timestamp with time zone not null default now(),
    constraint app_user_username_format check (username ~ '^[a-z0-9._-]{2,64}$'),
    constraint app_user_full_name_not_blank check (btrim(full_name) <> '')
);
create unique index app_user_username_uq on app_user (username);
create index app_user_team_idx on app_user (team_id);

create table app_user_role (
    app_user uuid not null references app_user (id) on delete cascade,
    role     text not null,
    primary key (app_user, role),
    constraint app_user_role_known check (role in
        ('MANAGER', 'KEY_ACCOUNT_MANAGER', 'HEAD', 'DIRECTOR', 'CREDIT_CONTROLLER', 'ADMIN'))
);

-- Personal API tokens: only a SHA-256 hash is kept; the token itself is shown once.
create table api_token (
    id           uuid                     not null primary key,
    user_id      uuid                     not null references app_user (id) on delete cascade,
    name         text                     not null,
    token_hash   char(64)                 not null,
    token_prefix text                     not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint api_token_name_not_blank check (btrim(name) <> '')
);
create unique index api_token_hash_uq on api_token (token_hash);
create index api_token_user_idx on api_token (user_id);

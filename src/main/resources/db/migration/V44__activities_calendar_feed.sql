-- The personal iCalendar feed (A3): a calendar program subscribes to a secret address, which
-- cannot log in. One feed per user; revoking deletes the row, and the old address is dead at once.

create table calendar_feed (
    user_id    uuid                     not null primary key references app_user (id),
    -- kept so that the user is shown the same address again (a calendar program keeps it too)
    token      text                     not null,
    -- a request is looked up by the token's SHA-256, so that no comparison of the secret itself
    -- can tell by its timing how much of a guess was right
    token_hash text                     not null unique,
    created_at timestamp with time zone not null
);

-- Idempotency-Key of the API's creating POSTs (orders, payments): the first answer to a key is kept
-- and a retry with the same key gets it again instead of creating a second record.
create table idempotency_key (
    -- the username: a key belongs to the user who sent it
    principal       text                     not null,
    idempotency_key text                     not null,
    operation       text                     not null,
    -- SHA-256 of the request as the operation read it: the same key with another request is refused
    request_hash    text                     not null,
    response_status integer,
    response_location text,
    response_body   text,
    created_at      timestamp with time zone not null default now(),
    primary key (principal, idempotency_key, operation),
    constraint idempotency_key_length check (length(idempotency_key) between 1 and 255)
);

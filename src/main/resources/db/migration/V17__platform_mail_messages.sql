-- Every message the product sends (an order's status to the client's contact, a payment reminder),
-- kept with what became of it, so that the order or the company can show what the client was told.
create table mail_message (
    id         uuid                     not null primary key,
    recipient  text                     not null,
    subject    text                     not null,
    body       text                     not null,
    -- what the message is about, e.g. SalesOrder and the order's id
    about_type text                     not null,
    about_id   uuid                     not null,
    status     text                     not null,
    error      text,
    created_by text,
    created_at timestamp with time zone not null default now(),
    sent_at    timestamp with time zone,
    constraint mail_message_status_known check (status in ('QUEUED', 'SENT', 'FAILED', 'NOT_CONFIGURED'))
);
create index mail_message_about_idx on mail_message (about_type, about_id, created_at);

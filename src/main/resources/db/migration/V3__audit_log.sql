-- Who changed what and when. Append-only: written in the transaction of the change itself,
-- never updated or deleted (the trigger refuses both, also to a careless migration).
create table audit_log (
    id           bigint generated always as identity primary key,
    occurred_at  timestamp with time zone not null default now(),
    actor        text                     not null,
    entity_type  text                     not null,
    entity_id    text                     not null,
    action       text                     not null,
    field        text,
    old_value    text,
    new_value    text,
    transaction_id bigint                 not null default txid_current(),
    constraint audit_log_action_known check (action in ('CREATED', 'UPDATED', 'DELETED', 'EXPORTED', 'MERGED'))
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, id);
create index audit_log_actor_idx on audit_log (actor, occurred_at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op;
end;
$$;

create trigger audit_log_append_only
    before update or delete on audit_log
    for each statement execute function audit_log_is_append_only();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

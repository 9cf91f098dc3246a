-- One row per change (a creation, an update, a deletion, a side of a merge, an export) instead of
-- one per field. Profiling the benchmark of issue #3 showed the audit log as a large share of
-- PostgreSQL's work: a company's registration wrote 8 rows with 3 btree entries each, an import
-- of 100k companies with their contacts over a million. pgbench of the bare work: 1 855
-- registrations/s with 8 rows, 2 456/s with one row.
--
-- A change's fields go together into `changes`, in their order:
--   [{"field": "name", "old": null, "new": "ООО Ромашка"}, …]
-- Rows written before keep their field/old_value/new_value and have no `changes`; a change
-- without fields (e.g. DELETED) has neither. The view `audit_log` still reads one line per field.
alter table audit_log rename to audit_entry;
alter table audit_entry rename constraint audit_log_action_known to audit_entry_action_known;
alter index audit_log_pkey rename to audit_entry_pkey;
alter index audit_log_entity_idx rename to audit_entry_entity_idx;
alter index audit_log_actor_idx rename to audit_entry_actor_idx;
alter sequence audit_log_id_seq rename to audit_entry_id_seq;
alter trigger audit_log_append_only on audit_entry rename to audit_entry_append_only;
alter trigger audit_log_no_truncate on audit_entry rename to audit_entry_no_truncate;
alter function audit_log_is_append_only() rename to audit_entry_is_append_only;

create or replace function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end;
$$;

alter table audit_entry add column changes jsonb;
alter table audit_entry add constraint audit_entry_changes_or_field check (
    changes is null or (jsonb_typeof(changes) = 'array' and field is null and old_value is null and new_value is null));

-- The old shape, one line per field, for rows of both kinds. The lines of one change share its id;
-- field_position (1 for a row of the old kind) orders them within it, so a reader orders by
-- id, field_position. The view is not updatable: writers insert into audit_entry.
create view audit_log as
select e.id, e.occurred_at, e.actor, e.entity_type, e.entity_id, e.action,
       coalesce(c.field, e.field) as field,
       coalesce(c.old_value, e.old_value) as old_value,
       coalesce(c.new_value, e.new_value) as new_value,
       e.transaction_id,
       coalesce(c.field_position, 1) as field_position
from audit_entry e
left join lateral rows from (jsonb_to_recordset(e.changes) as ("field" text, "old" text, "new" text))
    with ordinality as c(field, old_value, new_value, field_position) on true;

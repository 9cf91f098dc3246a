-- K4 with activities: "no contact within the client's cadence" (NO_CONTACT) replaces the stand-in
-- "no order for N days" (NO_RECENT_ORDER). The warnings of the old kind are closed, not converted:
-- their evidence counts days without an order, which says nothing about contacts, and a warning's
-- history should read as it was raised. No run raises the old kind again.
update early_warning
set status = 'CLOSED', closed_on = current_date, version = version + 1
where kind = 'NO_RECENT_ORDER' and status <> 'CLOSED';

alter table early_warning drop constraint early_warning_kind_check;
alter table early_warning add constraint early_warning_kind_check check (
    kind in ('VOLUME_FALLING', 'FREQUENCY_FALLING', 'ASSORTMENT_SHRINKING', 'DEBT_GROWING', 'NO_CONTACT')
    or (kind = 'NO_RECENT_ORDER' and status = 'CLOSED'));

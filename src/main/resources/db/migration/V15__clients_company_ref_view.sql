-- What other modules may read of a company in their own SQL (a list of debts with the client's
-- name, a report per owner): this view is the clients module's published contract, so that they
-- never join its table and its columns may change behind it.
create view company_ref as
select id, name, legal_form, inn, kpp, owner_id, status, archived_at, merged_into
from company;

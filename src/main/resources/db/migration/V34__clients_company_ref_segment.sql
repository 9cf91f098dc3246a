-- The segment of a company in the clients module's published view, for the segment outlook (T3)
-- and the reports that group by it. The existing columns stay as they were, in their order.
create or replace view company_ref as
select id, name, legal_form, inn, kpp, owner_id, status, archived_at, merged_into, segment
from company;

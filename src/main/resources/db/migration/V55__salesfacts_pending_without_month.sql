-- A pending change is applied from its order's parts (V54): the catch-up finds the months from the
-- parts before and after, and never read the month a note named. The note keeps the order and the
-- company whose lock it takes.
alter table sales_fact_pending drop column month;

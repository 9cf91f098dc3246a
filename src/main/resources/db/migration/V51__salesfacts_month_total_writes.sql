-- How many times the facts of a month were written: each statement that writes sales_fact_month
-- adds the number of its rows of the month (inserted, deleted or updated) to its shard's row. The
-- sum over a period's months grows with every change to the period's facts, also one that leaves
-- the department's sums as they were (a merge moves a client's facts to the survivor): a reader
-- that keeps what it computed from a period (the dashboard's matrix of the last closed quarter)
-- knows by it, in one short read, whether that is still the facts' answer.
alter table sales_fact_total add column writes bigint not null default 0;

create or replace function sales_fact_total_after_insert() returns trigger language plpgsql as $$
begin
    insert into sales_fact_total (month, shard, revenue, cost, writes)
    select month, pg_backend_pid() % 16, sum(revenue), sum(cost), count(*) from added group by month order by month
    on conflict (month, shard) do update
    set revenue = sales_fact_total.revenue + excluded.revenue, cost = sales_fact_total.cost + excluded.cost,
        writes = sales_fact_total.writes + excluded.writes;
    return null;
end;
$$;

create or replace function sales_fact_total_after_delete() returns trigger language plpgsql as $$
begin
    insert into sales_fact_total (month, shard, revenue, cost, writes)
    select month, pg_backend_pid() % 16, -sum(revenue), -sum(cost), count(*) from removed group by month order by month
    on conflict (month, shard) do update
    set revenue = sales_fact_total.revenue + excluded.revenue, cost = sales_fact_total.cost + excluded.cost,
        writes = sales_fact_total.writes + excluded.writes;
    return null;
end;
$$;

-- an update counts each row twice, as it was and as it is: the sum needs only to grow
create or replace function sales_fact_total_after_update() returns trigger language plpgsql as $$
begin
    insert into sales_fact_total (month, shard, revenue, cost, writes)
    select month, pg_backend_pid() % 16, sum(revenue), sum(cost), count(*)
    from (select month, revenue, cost from added
          union all
          select month, -revenue, -cost from removed) as change
    group by month order by month
    on conflict (month, shard) do update
    set revenue = sales_fact_total.revenue + excluded.revenue, cost = sales_fact_total.cost + excluded.cost,
        writes = sales_fact_total.writes + excluded.writes;
    return null;
end;
$$;

-- The department's sales per month, kept by the database beside sales_fact_month: the director's
-- dashboard reads 24 months as a few hundred rows instead of summing 240 000 (10 000 clients).
--
-- Statement triggers with transition tables keep it, so every writer of sales_fact_month (the
-- listener's recompute, a merge, the rebuild, a test's fixture) keeps it too: a statement adds
-- what it inserted and subtracts what it deleted, summed per month in one upsert.
--
-- Each transaction adds into the row of its own shard (its backend's process id modulo 16), so
-- the listeners of concurrent confirmations of one month do not queue on one row; a month's total
-- is the sum of its shards' rows. A statement touches its shard's months in month order.
create table sales_fact_total (
    month   date          not null,
    shard   smallint      not null,
    revenue numeric(18,2) not null,
    cost    numeric(18,2) not null,
    primary key (month, shard),
    constraint sales_fact_total_first_day check (extract(day from month) = 1)
);

create function sales_fact_total_after_insert() returns trigger language plpgsql as $$
begin
    insert into sales_fact_total (month, shard, revenue, cost)
    select month, pg_backend_pid() % 16, sum(revenue), sum(cost) from added group by month order by month
    on conflict (month, shard) do update
    set revenue = sales_fact_total.revenue + excluded.revenue, cost = sales_fact_total.cost + excluded.cost;
    return null;
end;
$$;

create function sales_fact_total_after_delete() returns trigger language plpgsql as $$
begin
    insert into sales_fact_total (month, shard, revenue, cost)
    select month, pg_backend_pid() % 16, -sum(revenue), -sum(cost) from removed group by month order by month
    on conflict (month, shard) do update
    set revenue = sales_fact_total.revenue + excluded.revenue, cost = sales_fact_total.cost + excluded.cost;
    return null;
end;
$$;

create function sales_fact_total_after_update() returns trigger language plpgsql as $$
begin
    insert into sales_fact_total (month, shard, revenue, cost)
    select month, pg_backend_pid() % 16, sum(revenue), sum(cost)
    from (select month, revenue, cost from added
          union all
          select month, -revenue, -cost from removed) as change
    group by month order by month
    on conflict (month, shard) do update
    set revenue = sales_fact_total.revenue + excluded.revenue, cost = sales_fact_total.cost + excluded.cost;
    return null;
end;
$$;

create trigger sales_fact_total_insert after insert on sales_fact_month
    referencing new table as added for each statement execute function sales_fact_total_after_insert();
create trigger sales_fact_total_delete after delete on sales_fact_month
    referencing old table as removed for each statement execute function sales_fact_total_after_delete();
create trigger sales_fact_total_update after update on sales_fact_month
    referencing old table as removed new table as added
    for each statement execute function sales_fact_total_after_update();

insert into sales_fact_total (month, shard, revenue, cost)
select month, 0, sum(revenue), sum(cost) from sales_fact_month group by month;

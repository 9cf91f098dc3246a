-- Each order's part of the sales facts: per assortment group and month, what the order's rows of
-- the orders' view (V24) add up to, and whether the order counts there (it has a line there that
-- is not a return). A month's cells and rollup row are the sums of its orders' parts, read by one
-- range of the company's index below, where recomputing them from the view read every line of the
-- month's orders from the order tables: a change recomputes its own order's parts from the view,
-- then the months they touch from the parts. The salesfacts module's own table, read by nobody
-- else.
create table sales_fact_order (
    order_id   uuid          not null,
    group_id   uuid          not null,
    month      date          not null,
    -- the company the order belongs to: a merge moves the parts with the order
    company_id uuid          not null,
    revenue    numeric(18,2) not null,
    cost       numeric(18,2) not null,
    quantity   numeric(18,3) not null,
    counted    boolean       not null,
    primary key (order_id, group_id, month),
    constraint sales_fact_order_first_day check (extract(day from month) = 1)
);
-- a company's month, its parts' figures included: the cells and the rollup are summed from it alone
create index sales_fact_order_company_idx on sales_fact_order (company_id, month)
    include (group_id, revenue, cost, quantity, counted);

-- written in the order of that index, so that a company's month lies on a few pages of the table
-- too (the parts the catch-up writes later go to its end, where the recent months are)
insert into sales_fact_order (order_id, group_id, month, company_id, revenue, cost, quantity, counted)
select order_id, group_id, month, company_id, sum(revenue), sum(cost), sum(quantity), bool_or(sign > 0)
from order_sales_line
group by order_id, group_id, month, company_id
order by company_id, month;

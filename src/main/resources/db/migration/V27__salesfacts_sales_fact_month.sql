-- The sales facts rolled up to company × calendar month (all assortment groups): what ABC/XYZ,
-- plans and the company's sales by month read, so that a year of 10 000 clients is 120 000 rows,
-- not the 700 000 cells of sales_fact. Kept by the salesfacts module together with sales_fact, in
-- the same transaction under the same company lock, and rebuilt with it; like sales_fact it is the
-- salesfacts module's published contract: other modules read it in SQL and never write it.
create table sales_fact_month (
    company_id  uuid           not null,
    -- the first day of the month in which the orders were placed (returns: in which they came back)
    month       date           not null,
    revenue     numeric(18, 2) not null,
    cost        numeric(18, 2) not null,
    quantity    numeric(18, 3) not null,
    -- the distinct orders counting in the month (an order with lines in three groups is one order),
    -- not the sum of sales_fact.order_count over the groups
    order_count integer        not null,
    -- ABC/XYZ reads all clients of a range of months: one range of this index, the figures it sums
    -- in the index itself
    primary key (month, company_id) include (revenue, cost),
    constraint sales_fact_month_first_day check (extract(day from month) = 1)
);
-- a client's months (its sales by month, a merge)
create index sales_fact_month_company_idx on sales_fact_month (company_id, month);

-- the months of the facts already there: order_count counted again from the orders' view
insert into sales_fact_month (company_id, month, revenue, cost, quantity, order_count)
select company_id, month, sum(revenue), sum(cost), sum(quantity), count(*) filter (where counted)
from (select company_id, month, order_id, sum(revenue) as revenue, sum(cost) as cost, sum(quantity) as quantity,
             bool_or(sign > 0) as counted
      from order_sales_line
      group by company_id, month, order_id) as per_order
group by company_id, month;

-- The day of each row of the orders' view of sales (V24): the order's date, or the return's. A
-- month's rows are found by a range of days, which the index of a company's orders by date
-- (sales_order_company_idx) serves; the month alone, a date_trunc of the day, is found by no
-- index, so the recomputation of one month of a client read every order the client ever placed.
create or replace view order_sales_line as
select o.id                                   as order_id,
       o.company_id,
       l.assortment_group_id                  as group_id,
       date_trunc('month', o.order_date)::date as month,
       l.amount                               as revenue,
       coalesce(l.cost_amount, 0)             as cost,
       l.quantity,
       1                                      as sign,
       o.order_date                           as day
from sales_order o
join order_line l on l.order_id = o.id
where o.status in ('CONFIRMED', 'IN_PRODUCTION', 'READY', 'SHIPPED', 'DELIVERED', 'CLOSED')
union all
select o.id,
       o.company_id,
       l.assortment_group_id,
       date_trunc('month', r.return_date)::date,
       -rl.amount,
       -coalesce(rl.cost_amount, 0),
       -rl.quantity,
       -1,
       r.return_date
from order_return r
join order_return_line rl on rl.return_id = r.id
join order_line l on l.id = rl.order_line_id
join sales_order o on o.id = r.order_id
where o.status in ('CONFIRMED', 'IN_PRODUCTION', 'READY', 'SHIPPED', 'DELIVERED', 'CLOSED');

-- and a month's returns by their day, in the view's second part
create index order_return_date_idx on order_return (return_date);

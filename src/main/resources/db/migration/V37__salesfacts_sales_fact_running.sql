-- A company's sales summed from its first month with sales facts up to each month: the totals of
-- any period are then the difference of two rows, whatever its length. ABC/XYZ of 10 000 clients
-- over a year read 30 000 rows instead of summing 240 000, and the sums of squares of the monthly
-- values give the spread of a period (XYZ) the same way. Kept by the salesfacts module with
-- sales_fact_month, in the same transaction under the same company lock, and rebuilt with it;
-- like sales_fact_month it is the salesfacts module's published contract: others only read it.
--
-- Every month from the company's first to its last month with a fact has a row (a month without
-- sales repeats the one before), so a period's edge is one row: the company's row of that month,
-- or, after its last month, its last row (marked).
create table sales_fact_running (
    company_id      uuid    not null,
    month           date    not null,
    -- over the company's months up to and including this one: sums of the monthly revenue and
    -- margin (revenue - cost) and of their squares, and how many of the months have a fact
    revenue         numeric not null,
    revenue_squares numeric not null,
    margin          numeric not null,
    margin_squares  numeric not null,
    months          integer not null,
    -- the company's last month with a fact: its row answers for every month after it
    last            boolean not null,
    -- a period's edge reads one range of this index and nothing else
    primary key (month, company_id) include (revenue, revenue_squares, margin, margin_squares, months),
    constraint sales_fact_running_first_day check (extract(day from month) = 1)
);
-- the last rows: the edge of the companies that bought nothing since
create index sales_fact_running_last_idx on sales_fact_running (month)
    include (company_id, revenue, revenue_squares, margin, margin_squares, months) where last;
-- a company's rows, rewritten from a changed month on
create index sales_fact_running_company_idx on sales_fact_running (company_id, month);

insert into sales_fact_running (company_id, month, revenue, revenue_squares, margin, margin_squares, months, last)
select company_id, month, revenue, revenue_squares, margin, margin_squares, months, month = last_month
from (select s.company_id, s.month, s.last_month,
             sum(coalesce(f.revenue, 0)) over w as revenue,
             sum(coalesce(f.revenue * f.revenue, 0)) over w as revenue_squares,
             sum(coalesce(f.revenue - f.cost, 0)) over w as margin,
             sum(coalesce((f.revenue - f.cost) * (f.revenue - f.cost), 0)) over w as margin_squares,
             count(f.month) over w as months
      from (select b.company_id, m::date as month, b.last_month
            from (select company_id, min(month) as first_month, max(month) as last_month
                  from sales_fact_month group by company_id) as b,
                 generate_series(b.first_month, b.last_month, interval '1 month') as m) as s
      left join sales_fact_month f on f.company_id = s.company_id and f.month = s.month
      window w as (partition by s.company_id order by s.month)) as running;

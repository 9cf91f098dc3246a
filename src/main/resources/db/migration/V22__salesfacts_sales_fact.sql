-- Sales facts (K1, T2, D1): what each client bought per assortment group and calendar month,
-- without VAT. A read model kept by the salesfacts module from the orders' events and rebuildable
-- from the order lines at any time; ABC/XYZ, plans and reports read it, never the order lines.
-- Other modules read this table as the salesfacts module's published contract and never write it.
create table sales_fact (
    company_id  uuid           not null,
    group_id    uuid           not null,
    -- the first day of the month in which the orders were placed (returns: in which they came back)
    month       date           not null,
    revenue     numeric(18, 2) not null,
    -- lines of products without a cost price add nothing to the cost
    cost        numeric(18, 2) not null,
    quantity    numeric(18, 3) not null,
    order_count integer        not null,
    primary key (company_id, month, group_id),
    constraint sales_fact_month_first_day check (extract(day from month) = 1)
);
create index sales_fact_month_idx on sales_fact (month, company_id);

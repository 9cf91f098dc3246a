-- Returns (O4): what a client sent back of a shipped order, line by line, with the reason. An
-- order's returns are numbered 1, 2, … in the order they were registered.
create table order_return (
    id          uuid                     not null primary key,
    order_id    uuid                     not null references sales_order (id),
    position    integer                  not null,
    return_date date                     not null,
    reason      text                     not null,
    note        text,
    -- without VAT: each line's unit price × what came back, rounded half-up to kopecks, summed
    amount      numeric(16, 2)           not null,
    -- likewise at the lines' cost prices; lines of products without a cost price add nothing
    cost_amount numeric(16, 2)           not null,
    created_by  uuid                     references app_user (id),
    created_at  timestamp with time zone not null default now(),
    constraint order_return_reason_known check (reason in
        ('DEFECT', 'WRONG_ITEM', 'DAMAGED_IN_TRANSIT', 'CLIENT_REFUSED', 'OTHER')),
    constraint order_return_other_has_note check (reason <> 'OTHER' or note is not null),
    constraint order_return_note_length check (length(note) <= 2000),
    constraint order_return_amount_not_negative check (amount >= 0)
);
create unique index order_return_position_idx on order_return (order_id, position);

create table order_return_line (
    id            uuid           not null primary key,
    return_id     uuid           not null references order_return (id) on delete cascade,
    order_line_id uuid           not null references order_line (id),
    quantity      numeric(12, 3) not null,
    amount        numeric(16, 2) not null,
    cost_amount   numeric(16, 2),
    constraint order_return_line_quantity_positive check (quantity > 0),
    constraint order_return_line_once unique (return_id, order_line_id)
);
-- what was returned of a line already, under the order's lock
create index order_return_line_line_idx on order_return_line (order_line_id) include (quantity);

-- What sales mean, as the orders module publishes it for the sales facts (and whoever else
-- counts sales in SQL): one row per line of a counting order, at the month of the order's date,
-- and one per returned line, negative, at the month of the return. An order counts once it is
-- confirmed (also after a credit hold was approved) and stops counting when it is cancelled; a
-- draft or a held order does not count. Lines of products without a cost price add nothing to
-- the cost. This view is the orders module's contract: its tables may change behind it.
create view order_sales_line as
select o.id                                   as order_id,
       o.company_id,
       l.assortment_group_id                  as group_id,
       date_trunc('month', o.order_date)::date as month,
       l.amount                               as revenue,
       coalesce(l.cost_amount, 0)             as cost,
       l.quantity,
       1                                      as sign
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
       -1
from order_return r
join order_return_line rl on rl.return_id = r.id
join order_line l on l.id = rl.order_line_id
join sales_order o on o.id = r.order_id
where o.status in ('CONFIRMED', 'IN_PRODUCTION', 'READY', 'SHIPPED', 'DELIVERED', 'CLOSED');

-- The sales facts count per assortment group: each order line names its group by id. The group's
-- name on the line stays as the snapshot the screens show; the id survives a renamed group.
alter table order_line add column assortment_group_id uuid;

update order_line l set assortment_group_id = p.group_id
from product p
where p.id = l.product_id;

-- a line whose product is no longer in the catalogue keeps the group it was ordered in, by its name
update order_line l set assortment_group_id = g.id
from assortment_group g
where l.assortment_group_id is null and lower(g.name) = lower(l.assortment_group);

alter table order_line alter column assortment_group_id set not null;

-- An order line keeps the client's own discount it was priced with (a key account's service tier,
-- K2), after the price type's: the price after the price type, the discount's name and percent.
-- Lines priced without one keep nulls; their list unit price is the price after the price type.
alter table order_line
    add column type_unit_price         numeric(14, 2),
    add column client_discount         text,
    add column client_discount_percent numeric(5, 2);

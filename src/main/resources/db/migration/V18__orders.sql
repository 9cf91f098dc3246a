-- Orders (O2, O3): a client's order with its lines priced from the catalogue, its way from a draft
-- through the credit check and production to delivery, and what the client was told on the way.

-- The executing department (production, dispatch) moves orders through production and delivery.
alter table app_user_role drop constraint app_user_role_known;
alter table app_user_role add constraint app_user_role_known check (role in
    ('MANAGER', 'KEY_ACCOUNT_MANAGER', 'HEAD', 'DIRECTOR', 'CREDIT_CONTROLLER', 'ADMIN', 'PRODUCTION'));

create sequence sales_order_number_seq;

create table sales_order (
    id                      uuid                     not null primary key,
    -- the number the client sees, З-000123
    number                  text                     not null,
    company_id              uuid                     not null references company (id),
    status                  text                     not null,
    order_date              date                     not null,
    -- the client's person to inform of the order's progress, with the address chosen then: the
    -- executing department, who changes the status, may not read the client's contacts
    contact_id              uuid,
    contact_name            text,
    contact_email           text,
    inform_client           boolean                  not null default true,
    vat_rate                numeric(5, 2)            not null,
    total_without_vat       numeric(16, 2)           not null default 0,
    vat_amount              numeric(16, 2)           not null default 0,
    total_with_vat          numeric(16, 2)           not null default 0,
    -- what the lines cost the factory, for the margin; lines of products without a cost price add nothing
    cost_total              numeric(16, 2)           not null default 0,
    -- the last credit check that held the order, with the limit and exposure it saw
    credit_hold_reason      text,
    credit_limit            numeric(16, 2),
    credit_exposure         numeric(16, 2),
    -- a person's decision on a held order
    credit_decision         text,
    credit_decided_by       uuid references app_user (id),
    credit_decided_at       timestamp with time zone,
    credit_decision_reason  text,
    -- the receivables module's invoice (no foreign key across modules)
    invoice_id              uuid,
    cancel_reason           text,
    version                 bigint                   not null,
    created_by              uuid                     references app_user (id),
    created_at              timestamp with time zone not null default now(),
    constraint sales_order_status_known check (status in ('DRAFT', 'CREDIT_HOLD', 'CONFIRMED', 'IN_PRODUCTION',
        'READY', 'SHIPPED', 'DELIVERED', 'CLOSED', 'CANCELLED')),
    constraint sales_order_hold_reason_known check (credit_hold_reason is null
        or credit_hold_reason in ('NO_LIMIT', 'LIMIT_EXCEEDED', 'OVERDUE')),
    constraint sales_order_on_hold_has_reason check (status <> 'CREDIT_HOLD' or credit_hold_reason is not null),
    constraint sales_order_decision_known check (credit_decision is null or credit_decision in ('APPROVED', 'REJECTED')),
    constraint sales_order_vat_rate_range check (vat_rate >= 0 and vat_rate < 100),
    constraint sales_order_totals check (total_with_vat = total_without_vat + vat_amount and total_without_vat >= 0
        and vat_amount >= 0),
    constraint sales_order_contact_email_length check (length(contact_email) <= 320),
    constraint sales_order_cancel_reason_length check (length(cancel_reason) <= 2000),
    constraint sales_order_decision_reason_length check (length(credit_decision_reason) <= 2000)
);
create unique index sales_order_number_idx on sales_order (number);
create index sales_order_company_idx on sales_order (company_id, order_date desc);
create index sales_order_date_idx on sales_order (order_date desc, number desc);
create unique index sales_order_invoice_idx on sales_order (invoice_id) where invoice_id is not null;
-- the credit rule's exposure: orders promised to a client and not yet invoiced, summed per company
-- from the index alone, under the company's credit lock
create index sales_order_exposure_idx on sales_order (company_id) include (total_with_vat)
    where invoice_id is null and status in ('CONFIRMED', 'IN_PRODUCTION', 'READY', 'SHIPPED', 'DELIVERED');
create index sales_order_on_hold_idx on sales_order (created_at) where status = 'CREDIT_HOLD';

create table order_line (
    id                        uuid           not null primary key,
    order_id                  uuid           not null references sales_order (id) on delete cascade,
    position                  integer        not null,
    -- the catalogue's product (no foreign key across modules), with what it was when ordered
    product_id                uuid           not null,
    sku                       text           not null,
    product_name              text           not null,
    unit                      text           not null,
    assortment_group          text           not null,
    quantity                  numeric(12, 3) not null,
    -- the size of each glass unit in metres, for products priced per m² by size
    width                     numeric(6, 3),
    height                    numeric(6, 3),
    area                      numeric(12, 6),
    billable_area             numeric(12, 6),
    -- why the list price is what it is: the base price list's entry and the client's price type
    base_price                numeric(14, 2) not null,
    price_list_version        integer        not null,
    price_list_effective_from date           not null,
    price_type                text,
    price_type_discount       numeric(5, 2)  not null,
    -- the client's price per unit (per m²) from the catalogue, the manager's discount off it, the result
    list_unit_price           numeric(14, 2) not null,
    discount_percent          numeric(5, 2)  not null default 0,
    unit_price                numeric(14, 2) not null,
    -- without VAT
    amount                    numeric(16, 2) not null,
    cost_price                numeric(14, 2),
    cost_amount               numeric(16, 2),
    constraint order_line_quantity_positive check (quantity > 0),
    constraint order_line_size_whole check ((width is null) = (height is null)),
    constraint order_line_discount_range check (discount_percent >= 0 and discount_percent < 100),
    constraint order_line_amount_not_negative check (amount >= 0)
);
create index order_line_order_idx on order_line (order_id, position);

create table order_status_change (
    id          uuid                     not null primary key,
    order_id    uuid                     not null references sales_order (id) on delete cascade,
    from_status text,
    to_status   text                     not null,
    changed_by  uuid                     references app_user (id),
    changed_at  timestamp with time zone not null default now(),
    note        text,
    constraint order_status_change_note_length check (length(note) <= 2000)
);
create index order_status_change_order_idx on order_status_change (order_id, changed_at);
-- the start page's changes by others on a manager's orders: the latest first
create index order_status_change_recent_idx on order_status_change (changed_at desc);

-- What the client is told on each event of an order; {number}, {company}, {status}, {date} and
-- {note} are filled in when the mail is written.
create table order_mail_template (
    event      text                     not null primary key,
    subject    text                     not null,
    body       text                     not null,
    version    bigint                   not null default 0,
    updated_by uuid                     references app_user (id),
    updated_at timestamp with time zone not null default now(),
    constraint order_mail_template_event_known check (event in
        ('IN_PRODUCTION', 'READY', 'SHIPPED', 'DELIVERED', 'PROBLEM')),
    constraint order_mail_template_subject_length check (btrim(subject) <> '' and length(subject) <= 300),
    constraint order_mail_template_body_length check (btrim(body) <> '' and length(body) <= 10000)
);

insert into order_mail_template (event, subject, body) values
('IN_PRODUCTION', 'Заказ {number} передан в производство',
 E'Здравствуйте!\n\nВаш заказ {number} ({company}) передан в производство {date}.\n{note}\n\nС уважением,\nклиентский отдел'),
('READY', 'Заказ {number} готов к отгрузке',
 E'Здравствуйте!\n\nВаш заказ {number} ({company}) изготовлен и готов к отгрузке с {date}.\n{note}\n\nС уважением,\nклиентский отдел'),
('SHIPPED', 'Заказ {number} отгружен',
 E'Здравствуйте!\n\nВаш заказ {number} ({company}) отгружен {date}.\n{note}\n\nС уважением,\nклиентский отдел'),
('DELIVERED', 'Заказ {number} доставлен',
 E'Здравствуйте!\n\nВаш заказ {number} ({company}) доставлен {date}. Спасибо, что работаете с нами!\n{note}\n\nС уважением,\nклиентский отдел'),
('PROBLEM', 'Заказ {number}: важная информация',
 E'Здравствуйте!\n\nПо вашему заказу {number} ({company}), статус «{status}», есть новость от {date}:\n{note}\n\nМы держим вас в курсе. С уважением,\nклиентский отдел');

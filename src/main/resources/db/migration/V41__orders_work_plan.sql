-- The work plan of an order (A5): its steps with due dates, each done, or with a problem the client
-- may be told of. Late is not stored: a step not done whose due date has passed is late.

-- The plan as one record: its version guards the replacement of the steps and every step's change.
create table order_work_plan (
    order_id   uuid                     not null primary key references sales_order (id) on delete cascade,
    version    bigint                   not null,
    created_by uuid                     references app_user (id),
    created_at timestamp with time zone not null default now(),
    updated_at timestamp with time zone not null default now()
);

create table order_work_step (
    id            uuid    not null primary key,
    order_id      uuid    not null references order_work_plan (order_id) on delete cascade,
    position      integer not null,
    title         text    not null,
    due_date      date    not null,
    status        text    not null default 'PLANNED',
    -- the client's contact hears of the step when it is done
    inform_client boolean not null default false,
    done_on       date,
    problem       text,
    problem_on    date,
    constraint order_work_step_status_known check (status in ('PLANNED', 'DONE', 'PROBLEM')),
    constraint order_work_step_done_has_day check ((status = 'DONE') = (done_on is not null)),
    constraint order_work_step_problem_has_text check (status <> 'PROBLEM' or (problem is not null and problem_on is not null)),
    constraint order_work_step_title_length check (btrim(title) <> '' and length(title) <= 200),
    constraint order_work_step_problem_length check (length(problem) <= 2000),
    constraint order_work_step_position_positive check (position > 0)
);
-- a replacement rewrites the positions in one statement per step, so the uniqueness is checked at commit
alter table order_work_step add constraint order_work_step_position_unique unique (order_id, position)
    deferrable initially deferred;

-- What the client is told of a step done and of a problem on a step; {step} and {due} are the
-- step's title and due date.
alter table order_mail_template drop constraint order_mail_template_event_known;
alter table order_mail_template add constraint order_mail_template_event_known check (event in
    ('IN_PRODUCTION', 'READY', 'SHIPPED', 'DELIVERED', 'PROBLEM', 'STEP_DONE', 'STEP_PROBLEM'));

insert into order_mail_template (event, subject, body) values
('STEP_DONE', 'Заказ {number}: выполнен этап «{step}»',
 E'Здравствуйте!\n\nПо вашему заказу {number} ({company}) {date} выполнен этап «{step}».\n{note}\n\nС уважением,\nклиентский отдел'),
('STEP_PROBLEM', 'Заказ {number}: важная информация об этапе «{step}»',
 E'Здравствуйте!\n\nПо вашему заказу {number} ({company}) на этапе «{step}» (срок — {due}) возникла сложность:\n{note}\n\nМы сообщим, как только она будет решена. С уважением,\nклиентский отдел');

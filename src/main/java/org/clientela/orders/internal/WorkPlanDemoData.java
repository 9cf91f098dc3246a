package org.clientela.orders.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.orders.OrderStatus;
import org.clientela.platform.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Work plans for a few of the demo's orders in production and on their way, the newest of each
 * status: the steps the order's status has passed are done on their due days, the rest planned anew
 * from today; and the oldest order in production, whose plan has fallen behind (a late step).
 */
@Component
class WorkPlanDemoData implements DemoDataContributor {

    private final JdbcClient jdbc;
    private final WorkPlanService plans;
    private final WorkPlanProperties properties;
    private final Clock clock;

    WorkPlanDemoData(JdbcClient jdbc, WorkPlanService plans, WorkPlanProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.properties = properties;
        this.clock = clock;
    }

    private record DemoOrder(UUID id, OrderStatus status, LocalDate orderDate) {
    }

    @Override
    public String name() {
        return "order-work-plans";
    }

    @Override
    public int order() {
        return 410;
    }

    @Override
    public boolean hasData() {
        return jdbc.sql("select exists (select 1 from order_work_plan)").query(Boolean.class).single();
    }

    @Override
    public void load() {
        LocalDate today = LocalDate.now(clock);
        List<DemoOrder> orders = jdbc.sql("""
                        select id, status, order_date from sales_order
                        where status in ('CONFIRMED', 'IN_PRODUCTION', 'READY', 'SHIPPED')
                        order by order_date, number""")
                .query((rs, row) -> new DemoOrder(rs.getObject(1, UUID.class), OrderStatus.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class)))
                .list();
        DemoOrder behind = orders.stream().filter(order -> order.status() == OrderStatus.IN_PRODUCTION).findFirst()
                .orElse(null);
        if (behind != null) {
            plan(behind, today, true);
        }
        // the newest order of each status, on time
        Map<OrderStatus, DemoOrder> newest = new EnumMap<>(OrderStatus.class);
        orders.stream().filter(order -> order != behind).forEach(order -> newest.put(order.status(), order));
        newest.values().forEach(order -> plan(order, today, false));
    }

    private void plan(DemoOrder order, LocalDate today, boolean late) {
        boolean glass = plans.hasGlassUnits(order.id());
        List<WorkPlanProperties.StepTemplate> templates = properties.steps().stream()
                .filter(template -> glass || !template.glassUnits()).toList();
        List<WorkPlanService.Proposed> fromOrder = WorkPlanService.propose(order.orderDate(), templates, glass);
        if (fromOrder.isEmpty()) {
            return;
        }
        int passed = switch (order.status()) {
            case CONFIRMED -> 1;
            case IN_PRODUCTION -> Math.min(2, fromOrder.size() - 3);
            case READY -> fromOrder.size() - 2;
            default -> fromOrder.size() - 1;
        };
        int done = Math.max(1, Math.min(passed, fromOrder.size()));
        LocalDate lastDone = min(fromOrder.get(done - 1).dueDate(), today);
        // the steps left are planned anew from today; the order behind its plan kept the first dates
        List<WorkPlanService.Proposed> rest = WorkPlanService.propose(late ? lastDone : today,
                templates.subList(done, templates.size()), glass);
        jdbc.sql("insert into order_work_plan (order_id, version) values (:order, 1)").param("order", order.id())
                .update();
        for (int i = 0; i < fromOrder.size(); i++) {
            WorkPlanService.Proposed step = i < done ? fromOrder.get(i) : rest.get(i - done);
            UUID id = WorkPlanService.insert(jdbc, order.id(), i + 1, step.title(), step.dueDate(),
                    step.informClient());
            if (i < done) {
                jdbc.sql("update order_work_step set status = 'DONE', done_on = :day where id = :id")
                        .param("day", min(step.dueDate(), today)).param("id", id).update();
            }
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

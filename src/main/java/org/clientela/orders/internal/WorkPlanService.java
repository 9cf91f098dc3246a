package org.clientela.orders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.CurrentUser;
import org.clientela.orders.OrderStatus;
import org.clientela.orders.internal.WorkPlanView.ClientNotice;
import org.clientela.orders.internal.WorkPlanView.Status;
import org.clientela.orders.internal.WorkPlanView.Step;
import org.clientela.orders.internal.WorkPlanView.StepChange;
import org.clientela.orders.internal.WorkPlanView.StepInput;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order's work plan (A5): the steps from confirmation to delivery with their due dates, proposed
 * from the configured steps until somebody saves a plan; each step done or with a problem, and the
 * client's contact told of it by mail from the order mail templates. Every command locks the
 * order's row (404 for an order the user may not see), wants a confirmed order, checks the plan's
 * version and writes the change with its audit and its mail in one transaction.
 */
@Service
@EnableConfigurationProperties(WorkPlanProperties.class)
public class WorkPlanService {

    /** The mails of a plan are logged about the order under this type. */
    public static final String WORK_PLAN = "OrderWorkPlan";
    static final String WORK_STEP = "OrderWorkStep";
    static final int MAX_STEPS = 30;
    static final int MAX_TITLE = 200;

    private final JdbcClient jdbc;
    private final OrderService orders;
    private final OrderQueries queries;
    private final OrderMail mail;
    private final AuditLog auditLog;
    private final Clock clock;
    private final WorkPlanProperties properties;

    WorkPlanService(JdbcClient jdbc, OrderService orders, OrderQueries queries, OrderMail mail, AuditLog auditLog,
            Clock clock, WorkPlanProperties properties) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.queries = queries;
        this.mail = mail;
        this.auditLog = auditLog;
        this.clock = clock;
        this.properties = properties;
    }

    /** A step as it is proposed: its title, due date and whether the client hears of it. */
    record Proposed(String title, LocalDate dueDate, boolean informClient) {
    }

    /**
     * The order's plan, or the proposed one while none is saved; 404 for an order the user may not
     * see, 409 for an order not confirmed (a cancelled one shows the plan it had).
     */
    @Transactional(readOnly = true)
    public WorkPlanView plan(UUID orderId) {
        OrderView order = queries.order(orderId);
        Long version = version(orderId);
        if (version == null) {
            requirePlanned(order.number(), order.status());
            List<Step> proposed = new ArrayList<>();
            int position = 1;
            for (Proposed step : propose(LocalDate.now(clock), properties.steps(), hasGlassUnits(orderId))) {
                proposed.add(new Step(null, position++, step.title(), step.dueDate(), Status.PLANNED, false,
                        step.informClient(), null, null, null));
            }
            return new WorkPlanView(orderId, order.number(), order.status(), order.orderDate(), false, 0,
                    editable(order.status()), proposed);
        }
        return new WorkPlanView(orderId, order.number(), order.status(), order.orderDate(), true, version,
                editable(order.status()), steps(orderId));
    }

    /**
     * Replaces the plan's steps by {@code inputs}, in their order: a step named by its id keeps its
     * state (done, problem), the steps not named go. The first save of a plan expects version 0.
     * Every problem of the steps at its row ({@code steps[2].dueDate}), nothing written.
     */
    @Transactional
    public WorkPlanView replace(UUID orderId, long expectedVersion, List<StepInput> inputs) {
        OrderRow order = writable(orderId);
        Long version = version(orderId);
        checkVersion(orderId, version, expectedVersion);
        List<Step> before = version == null ? List.of() : steps(orderId);
        Map<UUID, Step> existing = before.stream().collect(Collectors.toMap(Step::id, Function.identity()));
        InputErrors errors = new InputErrors();
        List<StepInput> given = inputs == null ? List.of() : inputs;
        if (given.isEmpty()) {
            errors.add("steps", "orders.workPlan.steps.required");
        } else if (given.size() > MAX_STEPS) {
            errors.add("steps", "orders.workPlan.steps.tooMany", MAX_STEPS);
        }
        List<Row> rows = new ArrayList<>();
        Set<UUID> named = new HashSet<>();
        for (int i = 0; i < given.size() && given.size() <= MAX_STEPS; i++) {
            String prefix = "steps[" + i + "].";
            StepInput input = given.get(i);
            if (input == null) {
                errors.add("steps[" + i + "]", LinePricing.REQUIRED);
                continue;
            }
            UUID id = null;
            if (input.id() != null && !input.id().isBlank()) {
                id = parseId(input.id());
                if (id == null || !existing.containsKey(id)) {
                    errors.add(prefix + "id", "orders.workPlan.step.unknown");
                } else if (!named.add(id)) {
                    errors.add(prefix + "id", "orders.workPlan.step.twice");
                }
            }
            String title = input.title() == null ? "" : input.title().strip();
            if (title.isEmpty()) {
                errors.add(prefix + "title", LinePricing.REQUIRED);
            } else if (title.length() > MAX_TITLE) {
                errors.add(prefix + "title", "orders.field.tooLong", MAX_TITLE);
            }
            LocalDate due = day(input.dueDate(), prefix + "dueDate", errors);
            if (due != null && due.isBefore(order.orderDate())) {
                errors.add(prefix + "dueDate", "orders.workPlan.due.beforeOrder", OrderMail.day(order.orderDate()));
            }
            rows.add(new Row(id, title, due, Boolean.TRUE.equals(input.informClient())));
        }
        errors.throwIfAny();
        if (version == null) {
            jdbc.sql("insert into order_work_plan (order_id, version, created_by) values (:order, 1, :actor)")
                    .param("order", orderId).param("actor", CurrentUser.get().id().value()).update();
        } else {
            bump(orderId);
        }
        for (Step step : before) {
            if (!named.contains(step.id())) {
                jdbc.sql("delete from order_work_step where id = :id").param("id", step.id()).update();
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.id() == null) {
                insert(jdbc, orderId, i + 1, row.title(), row.dueDate(), row.informClient());
            } else {
                jdbc.sql("""
                                update order_work_step set position = :position, title = :title, due_date = :due,
                                    inform_client = :inform
                                where id = :id""")
                        .param("position", i + 1).param("title", row.title()).param("due", row.dueDate())
                        .param("inform", row.informClient()).param("id", row.id()).update();
            }
        }
        List<Step> after = steps(orderId);
        auditLog.updated(OrderService.SALES_ORDER, orderId,
                AuditChanges.of().field("workPlan", describe(before), describe(after)));
        return plan(orderId);
    }

    /**
     * Marks a step done on {@code date} (today when none), between the order's day and today; the
     * client's contact hears of it when the step is one the client is told of.
     */
    @Transactional
    public StepChange done(UUID orderId, UUID stepId, Long expectedVersion, String date) {
        OrderRow order = writable(orderId);
        Step step = stepOf(orderId, stepId, expectedVersion);
        if (step.status() == Status.DONE) {
            throw new ConflictException("orders.workPlan.step.alreadyDone", step.title());
        }
        InputErrors errors = new InputErrors();
        LocalDate today = LocalDate.now(clock);
        LocalDate day = date == null || date.isBlank() ? today : day(date, "date", errors);
        if (day != null && day.isBefore(order.orderDate())) {
            errors.add("date", "orders.workPlan.done.beforeOrder", OrderMail.day(order.orderDate()));
        } else if (day != null && day.isAfter(today)) {
            errors.add("date", "orders.workPlan.done.future");
        }
        errors.throwIfAny();
        jdbc.sql("update order_work_step set status = 'DONE', done_on = :day where id = :id").param("day", day)
                .param("id", stepId).update();
        bump(orderId);
        ClientNotice notice = ClientNotice.NOT_REQUESTED;
        if (step.informClient()) {
            notice = notify(order, OrderMail.Event.STEP_DONE, step, nextStepNote(orderId), day);
        }
        auditLog.updated(OrderService.SALES_ORDER, orderId, AuditChanges.of()
                .field("workStepDone", null, step.title() + " — " + day)
                .field("clientNotice", null, notice));
        return new StepChange(plan(orderId), stepId, notice);
    }

    /**
     * Records a problem on a step not done yet (a delay, a defect) and, if {@code notifyClient},
     * tells the client's contact of it.
     */
    @Transactional
    public StepChange problem(UUID orderId, UUID stepId, Long expectedVersion, String text, boolean notifyClient) {
        OrderRow order = writable(orderId);
        Step step = stepOf(orderId, stepId, expectedVersion);
        if (step.status() == Status.DONE) {
            throw new ConflictException("orders.workPlan.step.alreadyDone", step.title());
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "orders.workPlan.problem.required");
        }
        if (text.strip().length() > OrderService.MAX_TEXT) {
            throw new InvalidInputException("text", "orders.field.tooLong", OrderService.MAX_TEXT);
        }
        String problem = text.strip();
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("update order_work_step set status = 'PROBLEM', problem = :problem, problem_on = :day where id = :id")
                .param("problem", problem).param("day", today).param("id", stepId).update();
        bump(orderId);
        ClientNotice notice = notifyClient ? notify(order, OrderMail.Event.STEP_PROBLEM, step, problem, today)
                : ClientNotice.NOT_REQUESTED;
        auditLog.updated(OrderService.SALES_ORDER, orderId, AuditChanges.of()
                .field("workStepProblem", step.problem(), step.title() + ": " + problem)
                .field("clientNotice", null, notice));
        return new StepChange(plan(orderId), stepId, notice);
    }

    /**
     * The steps of {@code templates} in their order, each due its days in working days (Monday to
     * Friday) after the one before, the first after {@code start}; the glass-unit steps only for an
     * order with glass units.
     */
    static List<Proposed> propose(LocalDate start, List<WorkPlanProperties.StepTemplate> templates,
            boolean glassUnits) {
        List<Proposed> steps = new ArrayList<>();
        LocalDate day = start;
        for (WorkPlanProperties.StepTemplate template : templates) {
            if (template.glassUnits() && !glassUnits) {
                continue;
            }
            day = plusWorkingDays(day, template.days());
            steps.add(new Proposed(template.title(), day, template.informClient()));
        }
        return steps;
    }

    static LocalDate plusWorkingDays(LocalDate day, int days) {
        LocalDate result = day;
        for (int i = 0; i < days; i++) {
            result = result.plusDays(1);
            while (weekend(result)) {
                result = result.plusDays(1);
            }
        }
        while (weekend(result)) {
            result = result.plusDays(1);
        }
        return result;
    }

    /** Writes a step of a plan; the demo's plans are written with it too. */
    static UUID insert(JdbcClient jdbc, UUID orderId, int position, String title, LocalDate due, boolean inform) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into order_work_step (id, order_id, position, title, due_date, inform_client)
                        values (:id, :order, :position, :title, :due, :inform)""")
                .param("id", id).param("order", orderId).param("position", position).param("title", title)
                .param("due", due).param("inform", inform).update();
        return id;
    }

    /** A plan is kept for an order confirmed or later, not cancelled. */
    public static boolean planned(OrderStatus status) {
        return status.countsInSales();
    }

    /** Whether the order has a saved plan; the caller checked that the user may see the order. */
    @Transactional(readOnly = true)
    public boolean saved(UUID orderId) {
        return version(orderId) != null;
    }

    /** Orders with a glass unit made to size: those are cut and assembled. */
    boolean hasGlassUnits(UUID orderId) {
        return jdbc.sql("select exists (select 1 from order_line where order_id = :order and width is not null)")
                .param("order", orderId).query(Boolean.class).single();
    }

    private record Row(UUID id, String title, LocalDate dueDate, boolean informClient) {
    }

    private OrderRow writable(UUID orderId) {
        OrderRow order = orders.lock(orderId);
        OrderAccess.require(OrderAccess.mayMove());
        requirePlanned(order.number(), order.status());
        return order;
    }

    private static void requirePlanned(String number, OrderStatus status) {
        if (!planned(status)) {
            throw new ConflictException("orders.workPlan.notConfirmed", number, OrderService.statusName(status));
        }
    }

    private static boolean editable(OrderStatus status) {
        return planned(status) && OrderAccess.mayMove();
    }

    private Step stepOf(UUID orderId, UUID stepId, Long expectedVersion) {
        Long version = version(orderId);
        if (expectedVersion != null) {
            checkVersion(orderId, version, expectedVersion);
        }
        return steps(orderId).stream().filter(step -> step.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new RecordNotFoundException(WORK_STEP, stepId));
    }

    private void checkVersion(UUID orderId, Long version, long expected) {
        long current = version == null ? 0 : version;
        if (current != expected) {
            throw new StaleVersionException(WORK_PLAN, orderId, expected, current);
        }
    }

    private Long version(UUID orderId) {
        return jdbc.sql("select version from order_work_plan where order_id = :order").param("order", orderId)
                .query(Long.class).optional().orElse(null);
    }

    private void bump(UUID orderId) {
        jdbc.sql("update order_work_plan set version = version + 1, updated_at = now() where order_id = :order")
                .param("order", orderId).update();
    }

    private List<Step> steps(UUID orderId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select * from order_work_step where order_id = :order order by position")
                .param("order", orderId).query((rs, row) -> step(rs, today)).list();
    }

    private static Step step(ResultSet rs, LocalDate today) throws SQLException {
        String stored = rs.getString("status");
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        boolean overdue = !"DONE".equals(stored) && due.isBefore(today);
        Status status = "PLANNED".equals(stored) && overdue ? Status.LATE : Status.valueOf(stored);
        return new Step(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("title"), due, status,
                overdue, rs.getBoolean("inform_client"), rs.getObject("done_on", LocalDate.class),
                rs.getString("problem"), rs.getObject("problem_on", LocalDate.class));
    }

    private ClientNotice notify(OrderRow order, OrderMail.Event event, Step step, String note, LocalDate day) {
        if (!order.informClient()) {
            return ClientNotice.ORDER_NOT_INFORMING;
        }
        if (!OrderMail.hasAddress(order)) {
            return ClientNotice.NO_ADDRESS;
        }
        mail.informOfStep(order, event, step.title(), step.dueDate(), note, day);
        return ClientNotice.SENT;
    }

    /** What the client is told after a step done: the next step and its due date, or that all are done. */
    private String nextStepNote(UUID orderId) {
        return steps(orderId).stream().filter(step -> step.status() != Status.DONE).findFirst()
                .map(next -> mail.clientText("orders.workPlan.mail.next", next.title(), OrderMail.day(next.dueDate())))
                .orElseGet(() -> mail.clientText("orders.workPlan.mail.allDone"));
    }

    private static LocalDate day(String text, String field, InputErrors errors) {
        if (text == null || text.isBlank()) {
            errors.add(field, LinePricing.REQUIRED);
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "orders.date.invalid", text);
            return null;
        }
    }

    private static UUID parseId(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String describe(List<Step> steps) {
        if (steps.isEmpty()) {
            return null;
        }
        return steps.stream().map(step -> step.position() + ". " + step.title() + " — " + step.dueDate()
                + (step.informClient() ? " ✉" : "")).collect(Collectors.joining("; "));
    }
}

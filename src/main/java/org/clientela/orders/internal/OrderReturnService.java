package org.clientela.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.identity.CurrentUser;
import org.clientela.orders.OrderReturnRegistered;
import org.clientela.orders.ReturnReason;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns of shipped orders (O4): what came back of which line, why, and what it was worth without
 * VAT. A return is registered under the order's row lock, so two returns of one line at once never
 * send back more than was ordered; it notes the change to the order's sales and publishes
 * {@link OrderReturnRegistered} in its transaction.
 * A credit note in the receivables is not part of it yet: the client's invoice stays as it was.
 */
@Service
public class OrderReturnService {

    private static final int QUANTITY_SCALE = 3;

    /** A return as asked for: {@code date} as typed (YYYY-MM-DD, empty for today), {@code reason} by name. */
    public record NewReturn(String date, String reason, String note, List<ReturnLineInput> lines) {
    }

    public record ReturnLineInput(String lineId, BigDecimal quantity) {
    }

    /**
     * A registered return: its number within the order ({@code position}), the amount without VAT;
     * {@code costAmount} only for those who may see margins.
     */
    public record ReturnView(UUID id, UUID orderId, int position, LocalDate date, ReturnReason reason, String note,
            BigDecimal amount, BigDecimal costAmount, String currency, String createdBy, Instant createdAt,
            List<ReturnLineView> lines) {
    }

    public record ReturnLineView(UUID lineId, int linePosition, String sku, String productName, BigDecimal quantity,
            BigDecimal amount, BigDecimal costAmount) {
    }

    /** A line of an order with what may still come back of it. */
    public record Returnable(UUID lineId, int position, String sku, String productName, BigDecimal ordered,
            BigDecimal returned) {

        public BigDecimal remaining() {
            return ordered.subtract(returned);
        }
    }

    private record OrderedLine(UUID id, int position, String sku, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal billableArea, BigDecimal costPrice, BigDecimal returned) {

        /** What a quantity of this line is billed by: pieces, or m² of its glass units. */
        BigDecimal units(BigDecimal quantity) {
            return billableArea == null ? quantity : quantity.multiply(billableArea);
        }
    }

    private record Accepted(OrderedLine line, BigDecimal quantity, BigDecimal amount, BigDecimal cost) {
    }

    private final JdbcClient jdbc;
    private final OrderService orders;
    private final OrderQueries queries;
    private final SalesChangeNotes salesChangeNotes;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderReturnService(JdbcClient jdbc, OrderService orders, OrderQueries queries, SalesChangeNotes salesChangeNotes,
            AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.queries = queries;
        this.salesChangeNotes = salesChangeNotes;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a return of a shipped, delivered or closed order by whoever may change the order;
     * every problem of the request at its field ({@code lines[1].quantity}), nothing written.
     */
    @Transactional
    public ReturnView register(UUID orderId, NewReturn request) {
        OrderRow order = orders.lock(orderId);
        OrderAccess.requireEditor();
        if (!order.status().returnable()) {
            throw new ConflictException("orders.returns.notShipped", OrderService.statusName(order.status()));
        }
        InputErrors errors = new InputErrors();
        LocalDate today = LocalDate.now(clock);
        LocalDate day = date(request.date(), today, order.orderDate(), errors);
        ReturnReason reason = reason(request.reason(), errors);
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > OrderService.MAX_TEXT) {
            errors.add("note", "orders.field.tooLong", OrderService.MAX_TEXT);
        } else if (note == null && reason == ReturnReason.OTHER) {
            errors.add("note", "orders.returns.noteRequired");
        }
        List<Accepted> accepted = lines(orderId, request.lines(), errors);
        errors.throwIfAny();

        UUID id = UUID.randomUUID();
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from order_return where order_id = :order")
                .param("order", orderId).query(Integer.class).single();
        BigDecimal amount = accepted.stream().map(Accepted::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cost = accepted.stream().map(line -> line.cost() == null ? BigDecimal.ZERO : line.cost())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        jdbc.sql("""
                        insert into order_return (id, order_id, position, return_date, reason, note, amount, cost_amount,
                            created_by)
                        values (:id, :order, :position, :day, :reason, :note, :amount, :cost, :actor)""")
                .param("id", id).param("order", orderId).param("position", position).param("day", day)
                .param("reason", reason.name()).param("note", note).param("amount", amount).param("cost", cost)
                .param("actor", CurrentUser.get().id().value()).update();
        StringBuilder described = new StringBuilder();
        for (Accepted line : accepted) {
            jdbc.sql("""
                            insert into order_return_line (id, return_id, order_line_id, quantity, amount, cost_amount)
                            values (:id, :return, :line, :quantity, :amount, :cost)""")
                    .param("id", UUID.randomUUID()).param("return", id).param("line", line.line().id())
                    .param("quantity", line.quantity()).param("amount", line.amount()).param("cost", line.cost())
                    .update();
            described.append(described.isEmpty() ? "" : "; ").append(line.line().sku()).append(" × ")
                    .append(line.quantity().stripTrailingZeros().toPlainString());
        }
        auditLog.updated(OrderService.SALES_ORDER, orderId, AuditChanges.of()
                .field("return", null, "№" + position + " " + day + " " + reason + ": " + described + " = "
                        + amount.toPlainString() + (note == null ? "" : " (" + note + ")") + " [" + id + "]"));
        salesChangeNotes.note(orderId, order.company());
        events.publishEvent(new OrderReturnRegistered(orderId, id, order.company(), day));
        return returns(orderId).stream().filter(registered -> registered.id().equals(id)).findFirst().orElseThrow();
    }

    /** The order's returns, in the order they were registered; 404 for an order the user may not see. */
    @Transactional(readOnly = true)
    public List<ReturnView> returns(UUID orderId) {
        queries.order(orderId);
        boolean margins = OrderAccess.marginsVisible();
        Map<UUID, List<ReturnLineView>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        select rl.return_id, rl.order_line_id, l.position, l.sku, l.product_name, rl.quantity,
                               rl.amount, rl.cost_amount
                        from order_return r join order_return_line rl on rl.return_id = r.id
                        join order_line l on l.id = rl.order_line_id
                        where r.order_id = :order order by l.position""")
                .param("order", orderId).query((rs, row) -> {
                    lines.computeIfAbsent(rs.getObject("return_id", UUID.class), key -> new ArrayList<>())
                            .add(new ReturnLineView(rs.getObject("order_line_id", UUID.class), rs.getInt("position"),
                                    rs.getString("sku"), rs.getString("product_name"), rs.getBigDecimal("quantity"),
                                    rs.getBigDecimal("amount"), margins ? rs.getBigDecimal("cost_amount") : null));
                    return row;
                }).list();
        return jdbc.sql("""
                        select r.*, u.full_name as created_by_name
                        from order_return r left join app_user u on u.id = r.created_by
                        where r.order_id = :order order by r.position""")
                .param("order", orderId).query((rs, row) -> view(rs, margins, lines)).list();
    }

    /** The order's lines with what may still come back of each; 404 for an order the user may not see. */
    @Transactional(readOnly = true)
    public List<Returnable> returnable(UUID orderId) {
        queries.order(orderId);
        return jdbc.sql(ORDERED_LINES).param("order", orderId).query((rs, row) -> new Returnable(
                rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("sku"),
                rs.getString("product_name"), rs.getBigDecimal("quantity"), rs.getBigDecimal("returned"))).list();
    }

    private static final String ORDERED_LINES = """
            select l.id, l.position, l.sku, l.product_name, l.quantity, l.unit_price, l.billable_area, l.cost_price,
                   coalesce((select sum(rl.quantity) from order_return_line rl where rl.order_line_id = l.id), 0)
                       as returned
            from order_line l where l.order_id = :order order by l.position""";

    private List<Accepted> lines(UUID orderId, List<ReturnLineInput> requested, InputErrors errors) {
        if (requested == null || requested.isEmpty()) {
            errors.add("lines", "orders.returns.noLines");
            return List.of();
        }
        Map<String, OrderedLine> ordered = new LinkedHashMap<>();
        jdbc.sql(ORDERED_LINES).param("order", orderId).query((rs, row) -> new OrderedLine(
                        rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("sku"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("billable_area"),
                        rs.getBigDecimal("cost_price"), rs.getBigDecimal("returned")))
                .list().forEach(line -> ordered.put(line.id().toString(), line));
        Set<String> seen = new HashSet<>();
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String prefix = "lines[" + i + "].";
            ReturnLineInput input = requested.get(i);
            if (input == null || input.lineId() == null || input.lineId().isBlank()) {
                errors.add(prefix + "lineId", LinePricing.REQUIRED);
                continue;
            }
            OrderedLine line = ordered.get(input.lineId().strip().toLowerCase(java.util.Locale.ROOT));
            if (line == null) {
                errors.add(prefix + "lineId", "orders.returns.unknownLine");
                continue;
            }
            if (!seen.add(line.id().toString())) {
                errors.add(prefix + "lineId", "orders.returns.lineTwice", line.position());
                continue;
            }
            BigDecimal quantity = input.quantity();
            BigDecimal remaining = line.quantity().subtract(line.returned());
            if (quantity == null) {
                errors.add(prefix + "quantity", LinePricing.REQUIRED);
            } else if (quantity.signum() <= 0) {
                errors.add(prefix + "quantity", LinePricing.QUANTITY_POSITIVE);
            } else if (quantity.stripTrailingZeros().scale() > QUANTITY_SCALE) {
                errors.add(prefix + "quantity", "orders.returns.quantityScale", QUANTITY_SCALE);
            } else if (quantity.compareTo(remaining) > 0) {
                errors.add(prefix + "quantity", "orders.returns.tooMuch", remaining.stripTrailingZeros().toPlainString(),
                        line.position());
            } else {
                BigDecimal units = line.units(quantity);
                accepted.add(new Accepted(line, quantity, line.unitPrice().multiply(units)
                        .setScale(2, RoundingMode.HALF_UP), line.costPrice() == null ? null
                        : line.costPrice().multiply(units).setScale(2, RoundingMode.HALF_UP)));
            }
        }
        return accepted;
    }

    private static LocalDate date(String text, LocalDate today, LocalDate orderDate, InputErrors errors) {
        if (text == null || text.isBlank()) {
            return today;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add("date", "orders.date.invalid", text);
            return null;
        }
        if (day.isAfter(today)) {
            errors.add("date", "orders.returns.dateFuture");
        } else if (day.isBefore(orderDate)) {
            errors.add("date", "orders.returns.dateBeforeOrder", orderDate);
        }
        return day;
    }

    private static ReturnReason reason(String text, InputErrors errors) {
        if (text == null || text.isBlank()) {
            errors.add("reason", LinePricing.REQUIRED);
            return null;
        }
        try {
            return ReturnReason.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add("reason", "orders.returns.reasonUnknown", text);
            return null;
        }
    }

    private static ReturnView view(ResultSet rs, boolean margins, Map<UUID, List<ReturnLineView>> lines)
            throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new ReturnView(id, rs.getObject("order_id", UUID.class), rs.getInt("position"),
                rs.getObject("return_date", LocalDate.class), ReturnReason.valueOf(rs.getString("reason")),
                rs.getString("note"), rs.getBigDecimal("amount"), margins ? rs.getBigDecimal("cost_amount") : null,
                "RUB", rs.getString("created_by_name"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                lines.getOrDefault(id, List.of()));
    }
}

package org.clientela.orders.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.clients.VisibleCompanies;
import org.clientela.credit.CreditHoldReason;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.RecordScope;
import org.clientela.identity.UserId;
import org.clientela.orders.ClientOrders;
import org.clientela.orders.OrderStatus;
import org.clientela.platform.Paging;
import org.clientela.receivables.InvoiceView;
import org.clientela.receivables.Invoices;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.Money;
import org.clientela.shared.PageResponse;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the screens and the API read of orders, within the reader's access. */
@Service
public class OrderQueries implements ClientOrders {

    static final Paging PAGING = Paging.sortableBy(Map.of("orderDate", "o.order_date", "number", "o.number",
            "total", "o.total_with_vat", "status", "o.status", "company", "c.name"),
            Sort.by(Sort.Order.desc("orderDate"), Sort.Order.desc("number")));
    /** The window of the suggestions: bought in the year before the last three months, not since. */
    static final int RECENT_MONTHS = 3;
    static final int EARLIER_MONTHS = 12;

    /** An order in a list. */
    public record OrderSummary(UUID id, String number, UUID companyId, String companyName, OrderStatus status,
            LocalDate orderDate, BigDecimal totalWithoutVat, BigDecimal total, String currency,
            CreditHoldReason creditHoldReason, BigDecimal creditLimit, BigDecimal creditExposure, boolean invoiced) {
    }

    /** A list's question: each part optional. */
    public record OrderFilter(UUID companyId, OrderStatus status, LocalDate from, LocalDate to) {
    }

    /** A line of an order's history: a step, a credit decision or a problem reported (from = to). */
    public record StatusChange(OrderStatus from, OrderStatus to, UUID changedById, String changedBy,
            Instant changedAt, String note) {
    }

    /** A step of one of the reader's orders taken by somebody else. */
    public record ChangeByOther(UUID orderId, String number, String companyName, OrderStatus from, OrderStatus to,
            String changedBy, Instant changedAt, String note) {
    }

    /** An assortment group the client used to buy and has not bought lately (order consulting, O2). */
    public record Suggestion(String group, LocalDate lastOrdered, int orders) {
    }

    private static final String SUMMARY = """
            select o.id, o.number, o.company_id, c.name as company_name, o.status, o.order_date, o.total_without_vat,
                   o.total_with_vat, o.credit_hold_reason, o.credit_limit, o.credit_exposure, o.invoice_id
            from sales_order o join company_ref c on c.id = o.company_id""";
    private static final String IN_SCOPE = " (:everything or c.owner_id = any(:owners)) ";
    /**
     * An order and its lines in one statement, the order's row from {@code %s}: every command
     * answers with the order, and a round trip is a good part of a confirmation's time.
     */
    private static final String ORDER_WITH_LINES = """
            select o.*, c.name as company_name, c.owner_id, d.full_name as decided_by,
                   u.full_name as created_by_name, l.id as line_id, l.position, l.product_id, l.sku,
                   l.product_name, l.unit, l.assortment_group, l.quantity, l.width, l.height, l.area,
                   l.billable_area, l.base_price, l.price_list_version, l.price_list_effective_from,
                   l.price_type, l.price_type_discount, l.type_unit_price, l.client_discount,
                   l.client_discount_percent, l.list_unit_price, l.discount_percent, l.unit_price,
                   l.amount, l.cost_amount
            from %s o join company_ref c on c.id = o.company_id
            left join app_user d on d.id = o.credit_decided_by
            left join app_user u on u.id = o.created_by
            left join order_line l on l.order_id = o.id
            where o.id = :id
            order by l.position""";

    private final JdbcClient jdbc;
    private final OrderAccess access;
    private final VisibleCompanies companies;
    private final Invoices invoices;
    private final ProductFacts products;
    private final Clock clock;

    OrderQueries(JdbcClient jdbc, OrderAccess access, VisibleCompanies companies, Invoices invoices,
            ProductFacts products, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.companies = companies;
        this.invoices = invoices;
        this.products = products;
        this.clock = clock;
    }

    /** @throws RecordNotFoundException for an order the user may not see */
    @Transactional(readOnly = true)
    public OrderView order(UUID id) {
        return order(ORDER_WITH_LINES.formatted("sales_order"), Map.of(), id);
    }

    /**
     * The order as a command leaves it, read in the command's own statement: {@code with} is the
     * statement's with-clause, whose {@code moved} changes the order's row and returns it whole
     * ({@code returning *}). The rest of the statement sees the tables as they were before it, so
     * the order's columns come from {@code moved}; its company, users and lines are as they were.
     */
    OrderView orderAfter(String with, Map<String, ?> parameters, UUID id) {
        return order(with + ORDER_WITH_LINES.formatted("moved"), parameters, id);
    }

    private OrderView order(String statement, Map<String, ?> parameters, UUID id) {
        boolean margins = OrderAccess.marginsVisible();
        boolean creditVisible = OrderAccess.creditVisible();
        List<OrderLineView> lines = new ArrayList<>();
        OrderView order = jdbc.sql(statement)
                .params(parameters).param("id", id)
                .query(rs -> {
                    if (!rs.next()) {
                        return Optional.<OrderView>empty();
                    }
                    OrderView head = view(rs, margins, creditVisible);
                    do {
                        if (rs.getObject("line_id") != null) {
                            lines.add(line(rs, margins));
                        }
                    } while (rs.next());
                    return Optional.of(head);
                })
                .filter(found -> access.scope().includes(new UserId(found.ownerId())))
                .orElseThrow(() -> new RecordNotFoundException(OrderService.SALES_ORDER, id));
        InvoiceView invoice = order.invoiceId() == null ? null : invoices.ofOrder(id).stream()
                .filter(candidate -> candidate.id().equals(order.invoiceId())).findFirst().orElse(null);
        return new OrderView(order.id(), order.number(), order.companyId(), order.companyName(), order.ownerId(),
                order.status(), order.orderDate(), order.contactId(), order.contactName(), order.contactEmail(),
                order.informClient(), order.vatRate(), order.totalWithoutVat(), order.vat(), order.total(),
                order.currency(), order.costTotal(), order.margin(), order.creditHoldReason(), order.creditLimit(),
                order.creditExposure(), order.creditDecision(), order.creditDecidedBy(), order.creditDecidedAt(),
                order.creditDecisionReason(), order.invoiceId(), invoice == null ? null : invoice.number(),
                invoice == null ? null : invoice.dueDate(), order.cancelReason(), order.version(), order.createdBy(),
                order.createdAt(), lines);
    }

    @Transactional(readOnly = true)
    public PageResponse<OrderSummary> list(OrderFilter filter, Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidInputException("from", "orders.filter.fromAfterTo");
        }
        StringBuilder where = new StringBuilder(" where" + IN_SCOPE);
        if (filter.companyId() != null) {
            where.append(" and o.company_id = :company");
        }
        if (filter.status() != null) {
            where.append(" and o.status = :status");
        }
        if (filter.from() != null) {
            where.append(" and o.order_date >= :from");
        }
        if (filter.to() != null) {
            where.append(" and o.order_date <= :to");
        }
        long total = bind(jdbc.sql("select count(*) from sales_order o join company_ref c on c.id = o.company_id"
                + where), filter).query(Long.class).single();
        boolean creditVisible = OrderAccess.creditVisible();
        List<OrderSummary> content = bind(jdbc.sql(SUMMARY + where + " order by " + PAGING.orderBy(page, "o.id")
                + " limit :limit offset :offset"), filter).param("limit", page.getPageSize())
                .param("offset", page.getOffset()).query((rs, row) -> summary(rs, creditVisible)).list();
        return PageResponse.of(content, page.getPageNumber(), page.getPageSize(), total);
    }

    /** The company's latest orders; 404 for a company the user may not see. */
    @Transactional(readOnly = true)
    public List<OrderSummary> ofCompany(UUID companyId, int limit) {
        companies.company(new CompanyId(companyId));
        boolean creditVisible = OrderAccess.creditVisible();
        return jdbc.sql(SUMMARY
                        + " where o.company_id = :company order by o.order_date desc, o.number desc limit :limit")
                .param("company", companyId).param("limit", limit)
                .query((rs, row) -> summary(rs, creditVisible)).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrderInProgress> inProgress(CompanyId company) {
        companies.company(company);
        return jdbc.sql("""
                        select id, number, status, order_date, total_with_vat from sales_order
                        where company_id = :company and status not in ('CLOSED', 'CANCELLED')
                        order by order_date desc, number desc""")
                .param("company", company.value())
                .query((rs, row) -> new OrderInProgress(rs.getObject("id", UUID.class), rs.getString("number"),
                        OrderStatus.valueOf(rs.getString("status")), rs.getObject("order_date", LocalDate.class),
                        rs.getBigDecimal("total_with_vat")))
                .list();
    }

    /** The orders waiting for a credit decision that the user may take, the longest waiting first. */
    @Transactional(readOnly = true)
    public List<OrderSummary> onCreditHold(int limit) {
        if (!OrderAccess.mayDecideCredit()) {
            return List.of();
        }
        return scoped(jdbc.sql(SUMMARY + " where o.status = 'CREDIT_HOLD' and" + IN_SCOPE
                + "order by o.created_at limit :limit")).param("limit", limit)
                .query((rs, row) -> summary(rs, true)).list();
    }

    /** The latest steps others took on orders of the reader's clients. */
    @Transactional(readOnly = true)
    public List<ChangeByOther> changesByOthers(int limit) {
        UUID me = CurrentUser.get().id().value();
        return jdbc.sql("""
                        select o.id, o.number, c.name as company_name, h.from_status, h.to_status,
                               u.full_name, h.changed_at, h.note
                        from order_status_change h
                        join sales_order o on o.id = h.order_id
                        join company_ref c on c.id = o.company_id
                        left join app_user u on u.id = h.changed_by
                        where c.owner_id = :me and h.changed_by is distinct from :me and h.changed_at > :since
                        order by h.changed_at desc limit :limit""")
                .param("me", me).param("since", OffsetDateTime.now(clock).minusDays(30)).param("limit", limit)
                .query((rs, row) -> new ChangeByOther(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        status(rs.getString(4)), status(rs.getString(5)), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    /** The order's history, oldest first. */
    @Transactional(readOnly = true)
    public List<StatusChange> history(UUID orderId) {
        order(orderId);
        return jdbc.sql("""
                        select h.from_status, h.to_status, h.changed_by, u.full_name, h.changed_at, h.note
                        from order_status_change h left join app_user u on u.id = h.changed_by
                        where h.order_id = :order order by h.changed_at, h.id""")
                .param("order", orderId)
                .query((rs, row) -> new StatusChange(status(rs.getString(1)), status(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getString(6)))
                .list();
    }

    /**
     * The assortment groups the order's client bought in the twelve months before the last three
     * but not in the last three: what to offer again. Only orders that were confirmed count (not
     * drafts, held or cancelled ones).
     */
    @Transactional(readOnly = true)
    public List<Suggestion> suggestions(UUID orderId) {
        OrderView order = order(orderId);
        return suggestions(order.companyId(), LocalDate.now(clock));
    }

    List<Suggestion> suggestions(UUID companyId, LocalDate today) {
        LocalDate recent = today.minusMonths(RECENT_MONTHS);
        LocalDate earlier = recent.minusMonths(EARLIER_MONTHS);
        return jdbc.sql("""
                        select l.assortment_group, max(o.order_date) as last_ordered, count(distinct o.id) as orders
                        from sales_order o join order_line l on l.order_id = o.id
                        where o.company_id = :company and o.status not in ('DRAFT', 'CREDIT_HOLD', 'CANCELLED')
                          and o.order_date >= :earlier and o.order_date <= :today
                        group by l.assortment_group
                        having max(o.order_date) < :recent
                        order by l.assortment_group""")
                .param("company", companyId).param("earlier", earlier).param("recent", recent).param("today", today)
                .query((rs, row) -> new Suggestion(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3)))
                .list();
    }

    /** Products for the picker of a line. */
    @Transactional(readOnly = true)
    public List<ProductFacts.Product> products(String fragment) {
        return products.search(fragment, 30);
    }

    private JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec) {
        RecordScope scope = access.scope();
        return spec.param("everything", scope.isEverything()).param("owners", scope.ownerIds());
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OrderFilter filter) {
        spec = scoped(spec);
        if (filter.companyId() != null) {
            spec = spec.param("company", filter.companyId());
        }
        if (filter.status() != null) {
            spec = spec.param("status", filter.status().name());
        }
        if (filter.from() != null) {
            spec = spec.param("from", filter.from());
        }
        if (filter.to() != null) {
            spec = spec.param("to", filter.to());
        }
        return spec;
    }

    private static OrderStatus status(String text) {
        return text == null ? null : OrderStatus.valueOf(text);
    }

    private static OrderSummary summary(ResultSet rs, boolean creditVisible) throws SQLException {
        String reason = rs.getString("credit_hold_reason");
        OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
        boolean held = creditVisible && status == OrderStatus.CREDIT_HOLD && reason != null;
        return new OrderSummary(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("company_id", UUID.class), rs.getString("company_name"), status,
                rs.getObject("order_date", LocalDate.class), rs.getBigDecimal("total_without_vat"),
                rs.getBigDecimal("total_with_vat"), Money.RUB.getCurrencyCode(),
                held ? CreditHoldReason.valueOf(reason) : null, held ? rs.getBigDecimal("credit_limit") : null,
                held ? rs.getBigDecimal("credit_exposure") : null, rs.getObject("invoice_id") != null);
    }

    private static OrderView view(ResultSet rs, boolean margins, boolean creditVisible) throws SQLException {
        BigDecimal total = rs.getBigDecimal("total_without_vat");
        BigDecimal cost = rs.getBigDecimal("cost_total");
        String reason = rs.getString("credit_hold_reason");
        return new OrderView(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("company_id", UUID.class), rs.getString("company_name"),
                rs.getObject("owner_id", UUID.class), OrderStatus.valueOf(rs.getString("status")),
                rs.getObject("order_date", LocalDate.class), rs.getObject("contact_id", UUID.class),
                rs.getString("contact_name"), rs.getString("contact_email"), rs.getBoolean("inform_client"),
                rs.getBigDecimal("vat_rate"), total, rs.getBigDecimal("vat_amount"),
                rs.getBigDecimal("total_with_vat"), Money.RUB.getCurrencyCode(), margins ? cost : null,
                margins ? total.subtract(cost) : null,
                creditVisible && reason != null ? CreditHoldReason.valueOf(reason) : null,
                creditVisible ? rs.getBigDecimal("credit_limit") : null,
                creditVisible ? rs.getBigDecimal("credit_exposure") : null,
                creditVisible ? rs.getString("credit_decision") : null,
                creditVisible ? rs.getString("decided_by") : null,
                creditVisible && rs.getTimestamp("credit_decided_at") != null
                        ? rs.getTimestamp("credit_decided_at").toInstant() : null,
                creditVisible ? rs.getString("credit_decision_reason") : null,
                rs.getObject("invoice_id", UUID.class), null, null, rs.getString("cancel_reason"),
                rs.getLong("version"), rs.getString("created_by_name"), rs.getTimestamp("created_at").toInstant(),
                List.of());
    }

    private static OrderLineView line(ResultSet rs, boolean margins) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        BigDecimal cost = rs.getBigDecimal("cost_amount");
        return new OrderLineView(rs.getObject("line_id", UUID.class), rs.getInt("position"),
                rs.getObject("product_id", UUID.class), rs.getString("sku"), rs.getString("product_name"),
                rs.getString("unit"), rs.getString("assortment_group"), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("width"), rs.getBigDecimal("height"), rs.getBigDecimal("area"),
                rs.getBigDecimal("billable_area"), rs.getBigDecimal("base_price"), rs.getInt("price_list_version"),
                rs.getObject("price_list_effective_from", LocalDate.class), rs.getString("price_type"),
                rs.getBigDecimal("price_type_discount"), rs.getBigDecimal("type_unit_price"),
                rs.getString("client_discount"), rs.getBigDecimal("client_discount_percent"),
                rs.getBigDecimal("list_unit_price"), rs.getBigDecimal("discount_percent"), rs.getBigDecimal("unit_price"), amount,
                margins ? cost : null, margins && cost != null ? amount.subtract(cost) : null);
    }
}

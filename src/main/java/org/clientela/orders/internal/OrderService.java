package org.clientela.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clientela.audit.AuditAction;
import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.clients.CompaniesMerged;
import org.clientela.clients.CompanyContacts;
import org.clientela.clients.CompanyId;
import org.clientela.clients.CompanyView;
import org.clientela.clients.ContactView;
import org.clientela.clients.FirstOrderConversion;
import org.clientela.clients.VisibleCompanies;
import org.clientela.credit.CreditControl;
import org.clientela.credit.CreditDecision;
import org.clientela.credit.ExposureSource;
import org.clientela.identity.CurrentUser;
import org.clientela.identity.UserId;
import org.clientela.orders.ConfirmedOrderCancelled;
import org.clientela.orders.OrderConfirmed;
import org.clientela.orders.OrderStatus;
import org.clientela.receivables.InvoiceView;
import org.clientela.receivables.Invoices;
import org.clientela.receivables.NewInvoice;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.Money;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders' commands: taking an order and changing its lines while it is a draft, confirming it
 * under the credit rule, a person's credit decision on a held order, invoicing, the steps of
 * production and delivery, cancelling. Each command locks the order's row, checks the step against
 * the order's status, writes the step with its history line and audit, and tells the client's
 * contact where the step is one they hear of — all in one transaction. A step that makes the order
 * count in the client's sales or stop counting notes it in its move's statement
 * ({@link SalesChangeNotes}) and publishes its {@link org.clientela.orders.OrderSalesChanged} event in
 * that transaction.
 */
@Service
public class OrderService implements ExposureSource {

    public static final String SALES_ORDER = "SalesOrder";
    static final int MAX_TEXT = 2000;
    /** An order's row lock, with what a command checks before it changes the order. */
    private static final String LOCK = OrderRow.SELECT + " where o.id = :id for update of o";
    /** The statuses whose orders the client has been promised on credit and not yet invoiced. */
    static final Set<OrderStatus> EXPOSED = Set.of(OrderStatus.CONFIRMED, OrderStatus.IN_PRODUCTION,
            OrderStatus.READY, OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    /** What a confirmation came to: the order, and the credit rule's decision on it. */
    public record Confirmation(OrderView order, CreditDecision decision) {
    }

    private final JdbcClient jdbc;
    private final OrderAccess access;
    private final VisibleCompanies companies;
    private final CompanyContacts contacts;
    private final LinePricing pricing;
    private final CreditControl credit;
    private final Invoices invoices;
    private final FirstOrderConversion conversion;
    private final OrderMail mail;
    private final OrderQueries queries;
    private final SalesChangeNotes salesChangeNotes;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final BigDecimal vatRate;

    OrderService(JdbcClient jdbc, OrderAccess access, VisibleCompanies companies, CompanyContacts contacts,
            LinePricing pricing, CreditControl credit, Invoices invoices, FirstOrderConversion conversion,
            OrderMail mail, OrderQueries queries, SalesChangeNotes salesChangeNotes, AuditLog auditLog, Clock clock,
            ApplicationEventPublisher events, @Value("${clientela.orders.vat-rate:20}") BigDecimal vatRate) {
        this.jdbc = jdbc;
        this.access = access;
        this.companies = companies;
        this.contacts = contacts;
        this.pricing = pricing;
        this.credit = credit;
        this.invoices = invoices;
        this.conversion = conversion;
        this.mail = mail;
        this.queries = queries;
        this.salesChangeNotes = salesChangeNotes;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
        this.vatRate = vatRate;
    }

    /** Takes an order as a draft; every problem of the request at its field, nothing written. */
    @Transactional
    public OrderView create(NewOrder order) {
        OrderAccess.require(OrderAccess.mayEdit());
        InputErrors errors = new InputErrors();
        CompanyId company = company(order.companyId(), errors);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = order.orderDate() == null ? today : order.orderDate();
        if (day.isAfter(today)) {
            errors.add("orderDate", "orders.date.future");
        } else if (day.isBefore(today) && !OrderAccess.mayBackdate()) {
            errors.add("orderDate", "orders.date.pastNotAllowed");
        }
        ContactView contact = company == null ? null : contact(company, order.contactId(), errors);
        List<LineInput> lines = order.lines() == null ? List.of() : order.lines();
        List<LinePricing.Priced> priced = new ArrayList<>();
        if (company != null && !errors.has("orderDate")) {
            for (int i = 0; i < lines.size(); i++) {
                LineInput line = lines.get(i);
                if (line == null) {
                    errors.add("lines[" + i + "]", LinePricing.REQUIRED);
                    continue;
                }
                priced.add(pricing.price(company, day, line, "lines[" + i + "].", errors));
            }
        }
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        String number = jdbc.sql("select 'З-' || lpad(nextval('sales_order_number_seq')::text, 6, '0')")
                .query(String.class).single();
        UUID actor = CurrentUser.get().id().value();
        jdbc.sql("""
                        insert into sales_order (id, number, company_id, status, order_date, contact_id, contact_name,
                            contact_email, inform_client, vat_rate, version, created_by)
                        values (:id, :number, :company, 'DRAFT', :day, :contact, :contactName, :contactEmail,
                            :inform, :vatRate, 0, :actor)""")
                .param("id", id).param("number", number).param("company", company.value()).param("day", day)
                .param("contact", contact == null ? null : contact.id())
                .param("contactName", contact == null ? null : contact.fullName())
                .param("contactEmail", email(contact))
                .param("inform", order.informClient() == null || order.informClient())
                .param("vatRate", vatRate).param("actor", actor).update();
        for (LinePricing.Priced line : priced) {
            insertLine(id, line);
        }
        recordStatus(id, null, OrderStatus.DRAFT, null);
        Totals totals = retotal(id);
        auditLog.created(SALES_ORDER, id, AuditChanges.of().field("number", null, number)
                .field("companyId", null, company.value()).field("orderDate", null, day)
                .field("status", null, OrderStatus.DRAFT).field("lines", null, priced.size())
                .field("total", null, totals.withVat().toPlainString()));
        return queries.order(id);
    }

    /** Adds a line to a draft. */
    @Transactional
    public OrderView addLine(UUID orderId, long expectedVersion, LineInput line) {
        OrderRow order = draft(orderId, expectedVersion);
        InputErrors errors = new InputErrors();
        LinePricing.Priced priced = pricing.price(order.company(), order.orderDate(), line, "", errors);
        errors.throwIfAny();
        UUID lineId = insertLine(orderId, priced);
        Totals totals = retotal(orderId);
        auditLog.updated(SALES_ORDER, orderId, AuditChanges.of()
                .field("lineAdded", null, describe(lineId, priced))
                .field("total", order.total().toPlainString(), totals.withVat().toPlainString()));
        return queries.order(orderId);
    }

    /** Changes a line of a draft: priced anew on the order's day, as if added now. */
    @Transactional
    public OrderView changeLine(UUID orderId, UUID lineId, long expectedVersion, LineInput line) {
        OrderRow order = draft(orderId, expectedVersion);
        String before = lineDescription(orderId, lineId);
        InputErrors errors = new InputErrors();
        LinePricing.Priced priced = pricing.price(order.company(), order.orderDate(), line, "", errors);
        errors.throwIfAny();
        jdbc.sql("""
                        update order_line set product_id = :product, sku = :sku, product_name = :name, unit = :unit,
                            assortment_group_id = :groupId, assortment_group = :group, quantity = :quantity, width = :width, height = :height,
                            area = :area, billable_area = :billable, base_price = :base,
                            price_list_version = :listVersion, price_list_effective_from = :effective,
                            price_type = :priceType, price_type_discount = :typeDiscount, list_unit_price = :list,
                            type_unit_price = :typePrice, client_discount = :clientDiscount,
                            client_discount_percent = :clientDiscountPercent, discount_percent = :discount, unit_price = :unitPrice, amount = :amount,
                            cost_price = :cost, cost_amount = :costAmount
                        where id = :line and order_id = :order""")
                .params(lineParams(priced)).param("line", lineId).param("order", orderId).update();
        Totals totals = retotal(orderId);
        auditLog.updated(SALES_ORDER, orderId, AuditChanges.of().field("line", before, describe(lineId, priced))
                .field("total", order.total().toPlainString(), totals.withVat().toPlainString()));
        return queries.order(orderId);
    }

    @Transactional
    public OrderView removeLine(UUID orderId, UUID lineId, long expectedVersion) {
        OrderRow order = draft(orderId, expectedVersion);
        String before = lineDescription(orderId, lineId);
        jdbc.sql("delete from order_line where id = :line and order_id = :order").param("line", lineId)
                .param("order", orderId).update();
        Totals totals = retotal(orderId);
        auditLog.updated(SALES_ORDER, orderId, AuditChanges.of().field("lineRemoved", before, null)
                .field("total", order.total().toPlainString(), totals.withVat().toPlainString()));
        return queries.order(orderId);
    }

    /** Changes whom of the client's people the order informs, and whether it does. */
    @Transactional
    public OrderView changeContact(UUID orderId, long expectedVersion, String contactId, boolean informClient) {
        OrderAccess.require(OrderAccess.mayEdit());
        OrderRow order = lock(orderId);
        checkVersion(order, expectedVersion);
        InputErrors errors = new InputErrors();
        ContactView contact = contact(order.company(), contactId, errors);
        errors.throwIfAny();
        jdbc.sql("""
                        update sales_order set contact_id = :contact, contact_name = :name, contact_email = :email,
                            inform_client = :inform, version = version + 1
                        where id = :id""")
                .param("contact", contact == null ? null : contact.id())
                .param("name", contact == null ? null : contact.fullName()).param("email", email(contact))
                .param("inform", informClient).param("id", orderId).update();
        auditLog.updated(SALES_ORDER, orderId, AuditChanges.of()
                .field("contact", order.contactName(), contact == null ? null : contact.fullName())
                .field("contactEmail", order.contactEmail(), email(contact))
                .field("informClient", order.informClient(), informClient));
        return queries.order(orderId);
    }

    /**
     * Confirms a draft under the credit rule (O3), decided under the company's credit lock in this
     * transaction: allowed, the order is confirmed; otherwise it is held for a person's decision
     * with the reason, the limit and the exposure the rule saw, and the hold is kept (committed).
     */
    @Transactional
    public Confirmation confirm(UUID orderId, Long expectedVersion) {
        OrderAccess.require(OrderAccess.mayEdit());
        // the order's lock, and the company's credit lock and standing after it, in one round trip
        CreditControl.Locked<OrderRow> locked = credit.lockWith(LOCK, Map.of("id", orderId),
                rs -> rs.next() ? OrderRow.of(rs, 0) : null, "select company_id from sales_order where id = :id");
        OrderRow order = visible(locked.lead(), orderId);
        if (expectedVersion != null) {
            checkVersion(order, expectedVersion);
        }
        if (order.status() != OrderStatus.DRAFT) {
            throw notAllowed(order.status(), OrderStatus.CONFIRMED);
        }
        if (!order.hasLines()) {
            throw new ConflictException("orders.confirm.noLines");
        }
        CreditDecision decision = locked.decide(Money.rubles(order.total()));
        OrderView moved;
        if (decision.allowed()) {
            moved = move(orderId, """
                            credit_hold_reason = null, credit_limit = null, credit_exposure = null,
                            credit_decision = null, credit_decided_by = null, credit_decided_at = null,
                            credit_decision_reason = null""", Map.of(), OrderStatus.DRAFT, OrderStatus.CONFIRMED,
                    null, AuditChanges.of().field("status", order.status(), OrderStatus.CONFIRMED), true);
            if (order.prospect()) {
                conversion.convertOnFirstOrder(order.company());
            }
            events.publishEvent(new OrderConfirmed(orderId, order.company(), order.orderDate()));
        } else {
            Map<String, Object> held = new HashMap<>();
            held.put("reason", decision.holdReason().name());
            held.put("limit", decision.limit() == null ? null : decision.limit().amount());
            held.put("exposure", decision.exposure().amount());
            moved = move(orderId, """
                            credit_hold_reason = :reason, credit_limit = :limit, credit_exposure = :exposure,
                            credit_decision = null, credit_decided_by = null, credit_decided_at = null,
                            credit_decision_reason = null""", held, OrderStatus.DRAFT, OrderStatus.CREDIT_HOLD,
                    decision.holdReason().name(), AuditChanges.of()
                    .field("status", order.status(), OrderStatus.CREDIT_HOLD)
                    .field("creditHoldReason", null, decision.holdReason())
                    .field("creditLimit", null, decision.limit() == null ? null : decision.limit().amount())
                    .field("creditExposure", null, decision.exposure().amount()), false);
        }
        return new Confirmation(moved, decision);
    }

    /** A person with the right confirms a held order all the same, saying why (O3). */
    @Transactional
    public OrderView approveCredit(UUID orderId, String reason) {
        return decideCredit(orderId, reason, true);
    }

    /** A person with the right refuses a held order: it goes back to a draft, the refusal kept. */
    @Transactional
    public OrderView rejectCredit(UUID orderId, String reason) {
        return decideCredit(orderId, reason, false);
    }

    private OrderView decideCredit(UUID orderId, String reason, boolean approve) {
        OrderRow order = lock(orderId);
        OrderAccess.require(OrderAccess.mayDecideCredit());
        String why = requiredText("reason", reason);
        OrderStatus target = approve ? OrderStatus.CONFIRMED : OrderStatus.DRAFT;
        if (order.status() != OrderStatus.CREDIT_HOLD) {
            throw new ConflictException("orders.credit.notOnHold", statusName(order.status()));
        }
        OrderView decided = move(orderId, """
                        credit_decision = :decision, credit_decided_by = :decidedBy, credit_decided_at = now(),
                        credit_decision_reason = :reason""",
                Map.of("decision", approve ? "APPROVED" : "REJECTED", "decidedBy", CurrentUser.get().id().value(),
                        "reason", why),
                OrderStatus.CREDIT_HOLD, target, why, AuditChanges.of().field("status", order.status(), target)
                .field("creditDecision", null, approve ? "APPROVED" : "REJECTED").field("creditDecisionReason", null,
                        why), approve);
        if (approve) {
            if (order.prospect()) {
                conversion.convertOnFirstOrder(order.company());
            }
            events.publishEvent(new OrderConfirmed(orderId, order.company(), order.orderDate()));
        }
        return decided;
    }

    /**
     * The next step of production and delivery: IN_PRODUCTION, READY, SHIPPED, DELIVERED (by the
     * executing department or the sales side), CLOSED (the sales side). Shipping invoices an order
     * not invoiced yet; the client's contact hears of each step but closing.
     */
    @Transactional
    public OrderView changeStatus(UUID orderId, String status, String note) {
        OrderRow order = lock(orderId);
        OrderStatus target = status(status);
        OrderAccess.require(target == OrderStatus.CLOSED ? OrderAccess.mayEdit() : OrderAccess.mayMove());
        String text = optionalText("note", note);
        if (order.status().next() != target) {
            throw notAllowed(order.status(), target);
        }
        if (target == OrderStatus.SHIPPED && order.invoiceId() == null) {
            issueInvoice(order);
        }
        OrderView moved = move(orderId, null, Map.of(), order.status(), target, text,
                AuditChanges.of().field("status", order.status(), target).field("note", null, text), false);
        OrderMail.Event event = OrderMail.Event.of(target);
        if (event != null) {
            mail.inform(order, event, target, text, LocalDate.now(clock));
        }
        return moved;
    }

    /** Cancels an order that has not left the factory, with the reason; an invoiced one stays. */
    @Transactional
    public OrderView cancel(UUID orderId, String reason) {
        OrderRow order = lock(orderId);
        OrderAccess.require(OrderAccess.mayEdit());
        String why = requiredText("reason", reason);
        if (!order.status().cancellable()) {
            throw notAllowed(order.status(), OrderStatus.CANCELLED);
        }
        if (order.invoiceId() != null) {
            throw new ConflictException("orders.cancel.invoiced");
        }
        OrderView cancelled = move(orderId, "cancel_reason = :reason", Map.of("reason", why), order.status(),
                OrderStatus.CANCELLED, why, AuditChanges.of().field("status", order.status(), OrderStatus.CANCELLED)
                        .field("cancelReason", null, why), order.status().countsInSales());
        if (order.status().countsInSales()) {
            events.publishEvent(new ConfirmedOrderCancelled(orderId, order.company(), order.orderDate()));
        }
        return cancelled;
    }

    /** Tells the client's contact of a problem with the order (a delay, a defect), kept in the history. */
    @Transactional
    public boolean reportProblem(UUID orderId, String note) {
        OrderRow order = lock(orderId);
        OrderAccess.require(OrderAccess.mayMove());
        String text = requiredText("note", note);
        jdbc.sql("""
                        insert into order_status_change (id, order_id, from_status, to_status, changed_by, note)
                        values (:id, :order, :status, :status, :actor, :note)""")
                .param("id", UUID.randomUUID()).param("order", orderId).param("status", order.status().name())
                .param("actor", CurrentUser.get().id().value()).param("note", text).update();
        auditLog.updated(SALES_ORDER, orderId, AuditChanges.of().field("problem", null, text));
        return mail.inform(order, OrderMail.Event.PROBLEM, order.status(), text, LocalDate.now(clock));
    }

    /**
     * Invoices a confirmed order, once: the invoice and its id on the order commit together, so
     * the amount moves from the orders' exposure to the receivables' at one instant.
     */
    @Transactional
    public OrderView invoice(UUID orderId) {
        OrderRow order = lock(orderId);
        OrderAccess.require(OrderAccess.mayEdit());
        if (order.invoiceId() != null) {
            throw new ConflictException("orders.invoice.already", order.number());
        }
        if (!order.status().invoiceable()) {
            throw new ConflictException("orders.invoice.notConfirmed", statusName(order.status()));
        }
        issueInvoice(order);
        jdbc.sql("update sales_order set version = version + 1 where id = :id").param("id", orderId).update();
        return queries.order(orderId);
    }

    private void issueInvoice(OrderRow order) {
        if (order.total().signum() <= 0) {
            throw new ConflictException("orders.invoice.empty");
        }
        InvoiceView invoice = invoices.issue(new NewInvoice(order.company(), order.id(), order.number(),
                Money.rubles(order.total()), Money.rubles(order.vat()), LocalDate.now(clock)));
        jdbc.sql("update sales_order set invoice_id = :invoice where id = :id").param("invoice", invoice.id())
                .param("id", order.id()).update();
        auditLog.updated(SALES_ORDER, order.id(), AuditChanges.of().field("invoice", null, invoice.number()));
    }

    /** The orders promised on credit and not yet invoiced, as the partial index of V18 holds them. */
    private static final String UNINVOICED = """
            invoice_id is null and status in ('CONFIRMED', 'IN_PRODUCTION', 'READY', 'SHIPPED', 'DELIVERED')""";

    /** The confirmed orders not yet invoiced: what the client was promised on credit beyond its invoices. */
    @Override
    public String exposureByCompanyQuery() {
        return "select company_id, sum(total_with_vat) as exposure from sales_order where " + UNINVOICED
                + " group by company_id";
    }

    /** The duplicate's orders are the survivor's now, in the merge's transaction. */
    @EventListener
    void on(CompaniesMerged merged) {
        List<UUID> moved = jdbc.sql("""
                        update sales_order set company_id = :survivor, version = version + 1
                        where company_id = :duplicate returning id""")
                .param("survivor", merged.survivor().value()).param("duplicate", merged.duplicate().value())
                .query(UUID.class).list();
        for (UUID id : moved) {
            auditLog.updated(SALES_ORDER, id, AuditChanges.of().field("companyId", merged.duplicate().value(),
                    merged.survivor().value()));
        }
    }

    /** The order's row, locked for this transaction; 404 for an order the user may not see. */
    OrderRow lock(UUID orderId) {
        return visible(jdbc.sql(LOCK).param("id", orderId).query(OrderRow::of).optional().orElse(null), orderId);
    }

    /** The order {@link #LOCK} read; 404 for none, or one the user may not see. */
    private OrderRow visible(OrderRow order, UUID orderId) {
        if (order == null || !access.scope().includes(new UserId(order.ownerId()))) {
            throw new RecordNotFoundException(SALES_ORDER, orderId);
        }
        return order;
    }

    private OrderRow draft(UUID orderId, long expectedVersion) {
        OrderRow order = lock(orderId);
        OrderAccess.require(OrderAccess.mayEdit());
        checkVersion(order, expectedVersion);
        if (order.status() != OrderStatus.DRAFT) {
            throw new ConflictException("orders.lines.notDraft", statusName(order.status()));
        }
        return order;
    }

    private static void checkVersion(OrderRow order, long expectedVersion) {
        if (order.version() != expectedVersion) {
            throw new StaleVersionException(SALES_ORDER, order.id(), expectedVersion, order.version());
        }
    }

    private CompanyId company(String id, InputErrors errors) {
        if (id == null || id.isBlank()) {
            errors.add("companyId", LinePricing.REQUIRED);
            return null;
        }
        UUID parsed;
        try {
            parsed = UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new RecordNotFoundException("Company", id);
        }
        CompanyView company = companies.company(new CompanyId(parsed));
        if (company.archived()) {
            errors.add("companyId", "orders.company.archived", company.name());
            return null;
        }
        return new CompanyId(parsed);
    }

    private ContactView contact(CompanyId company, String contactId, InputErrors errors) {
        if (contactId == null || contactId.isBlank()) {
            return null;
        }
        ContactView contact = contacts.of(company).stream()
                .filter(person -> person.id().toString().equalsIgnoreCase(contactId.strip())).findFirst().orElse(null);
        if (contact == null) {
            errors.add("contactId", "orders.contact.unknown");
        }
        return contact;
    }

    private static String email(ContactView contact) {
        return contact == null || contact.emails().isEmpty() ? null : contact.emails().get(0);
    }

    private UUID insertLine(UUID orderId, LinePricing.Priced line) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into order_line (id, order_id, position, product_id, sku, product_name, unit,
                            assortment_group_id, assortment_group, quantity, width, height, area, billable_area,
                            base_price, price_list_version, price_list_effective_from, price_type, price_type_discount,
                            list_unit_price, type_unit_price, client_discount, client_discount_percent, discount_percent,
                            unit_price, amount, cost_price, cost_amount)
                        values (:id, :order,
                            (select coalesce(max(position), 0) + 1 from order_line where order_id = :order),
                            :product, :sku, :name, :unit, :groupId, :group, :quantity, :width, :height, :area, :billable, :base,
                            :listVersion, :effective, :priceType, :typeDiscount, :list, :typePrice, :clientDiscount,
                            :clientDiscountPercent, :discount, :unitPrice, :amount,
                            :cost, :costAmount)""")
                .params(lineParams(line)).param("id", id).param("order", orderId).update();
        return id;
    }

    private static Map<String, Object> lineParams(LinePricing.Priced line) {
        Map<String, Object> params = new HashMap<>();
        params.put("product", line.product().id());
        params.put("sku", line.product().sku());
        params.put("name", line.product().name());
        params.put("unit", line.product().unit());
        params.put("groupId", line.product().groupId());
        params.put("group", line.product().group());
        params.put("quantity", line.quantity());
        params.put("width", line.size() == null ? null : line.size().width());
        params.put("height", line.size() == null ? null : line.size().height());
        params.put("area", line.breakdown().area());
        params.put("billable", line.breakdown().billableArea());
        params.put("base", line.breakdown().basePrice());
        params.put("listVersion", line.breakdown().priceListVersion());
        params.put("effective", line.breakdown().priceListEffectiveFrom());
        params.put("priceType", line.breakdown().priceType());
        params.put("typeDiscount", line.breakdown().discountPercent());
        params.put("list", line.breakdown().unitPrice());
        params.put("typePrice", line.breakdown().clientDiscount() == null ? null : line.breakdown().typeUnitPrice());
        params.put("clientDiscount", line.breakdown().clientDiscount());
        params.put("clientDiscountPercent", line.breakdown().clientDiscountPercent());
        params.put("discount", line.discountPercent());
        params.put("unitPrice", line.unitPrice());
        params.put("amount", line.amount());
        params.put("cost", line.product().costPrice());
        params.put("costAmount", line.costAmount());
        return params;
    }

    private static String describe(UUID lineId, LinePricing.Priced line) {
        return line.product().sku() + " × " + line.quantity().stripTrailingZeros().toPlainString()
                + (line.size() == null ? "" : " (" + line.size().width().toPlainString() + "×"
                        + line.size().height().toPlainString() + ")")
                + ", −" + line.discountPercent().stripTrailingZeros().toPlainString() + " % = "
                + line.amount().toPlainString() + " [" + lineId + "]";
    }

    private String lineDescription(UUID orderId, UUID lineId) {
        return jdbc.sql("""
                        select sku || ' × ' || trim_scale(quantity)::text
                            || coalesce(' (' || trim_scale(width)::text || '×' || trim_scale(height)::text || ')', '')
                            || ', −' || trim_scale(discount_percent)::text || ' % = ' || amount::text
                            || ' [' || id::text || ']'
                        from order_line where id = :line and order_id = :order""")
                .param("line", lineId).param("order", orderId).query(String.class).optional()
                .orElseThrow(() -> new RecordNotFoundException("OrderLine", lineId));
    }

    /** An order's totals from its lines. */
    record Totals(BigDecimal withoutVat, BigDecimal vat, BigDecimal withVat, BigDecimal cost) {
    }

    /**
     * Sums the lines (each already rounded to kopecks, without VAT) and puts VAT on the sum: the
     * order's VAT is its rate of the total without VAT, rounded half-up to kopecks once — not the
     * sum of each line's VAT, which could differ from it by kopecks.
     */
    private Totals retotal(UUID orderId) {
        BigDecimal[] sums = jdbc.sql("""
                        select coalesce(sum(amount), 0), coalesce(sum(cost_amount), 0) from order_line
                        where order_id = :order""")
                .param("order", orderId)
                .query((rs, row) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}).single();
        BigDecimal rate = jdbc.sql("select vat_rate from sales_order where id = :id").param("id", orderId)
                .query(BigDecimal.class).single();
        Totals totals = totals(sums[0], rate, sums[1]);
        jdbc.sql("""
                        update sales_order set total_without_vat = :without, vat_amount = :vat, total_with_vat = :with,
                            cost_total = :cost, version = version + 1
                        where id = :id""")
                .param("without", totals.withoutVat()).param("vat", totals.vat()).param("with", totals.withVat())
                .param("cost", totals.cost()).param("id", orderId).update();
        return totals;
    }

    static Totals totals(BigDecimal withoutVat, BigDecimal vatRate, BigDecimal cost) {
        BigDecimal net = withoutVat.setScale(2, RoundingMode.HALF_UP);
        BigDecimal vat = net.multiply(vatRate).divide(LinePricing.HUNDRED).setScale(2, RoundingMode.HALF_UP);
        return new Totals(net, vat, net.add(vat), cost.setScale(2, RoundingMode.HALF_UP));
    }

    /**
     * Moves an order from one status to another and answers it as moved: its row (the status, the
     * version and the columns {@code set} names, from {@code parameters}), the status change, the
     * audit entry, the notes that its sales changed when {@code salesChanged} (the caller publishes
     * the event) and the reading of the order with its lines, in one statement. A confirmation is the
     * busiest command; these were five round trips.
     */
    private OrderView move(UUID orderId, String set, Map<String, ?> parameters, OrderStatus from, OrderStatus to,
            String note, AuditChanges changes, boolean salesChanged) {
        AuditLog.EntryInsert entry = auditLog.entryFor("moved", AuditAction.UPDATED, SALES_ORDER, orderId, changes);
        Map<String, Object> all = new HashMap<>(parameters);
        all.putAll(entry.parameters());
        all.put("statusChange", UUID.randomUUID());
        all.put("from", from.name());
        all.put("to", to.name());
        all.put("actor", CurrentUser.find().map(user -> user.id().value()).orElse(null));
        all.put("note", note);
        return queries.orderAfter("with moved as (update sales_order set status = :to, version = version + 1"
                + (set == null ? "" : ", " + set) + " where id = :id returning *), "
                + "status_change as (insert into order_status_change "
                + "(id, order_id, from_status, to_status, changed_by, note) "
                + "select :statusChange, id, :from, :to, :actor, :note from moved), "
                + "audited as (" + entry.sql() + ")"
                + (salesChanged ? salesChangeNotes.after("select id as order_id, company_id from moved") : "") + " ",
                all, orderId);
    }

    private void recordStatus(UUID orderId, OrderStatus from, OrderStatus to, String note) {
        jdbc.sql("""
                        insert into order_status_change (id, order_id, from_status, to_status, changed_by, note)
                        values (:id, :order, :from, :to, :actor, :note)""")
                .param("id", UUID.randomUUID()).param("order", orderId).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("actor", CurrentUser.find().map(user -> user.id().value()).orElse(null))
                .param("note", note).update();
    }

    private static OrderStatus status(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("status", LinePricing.REQUIRED);
        }
        try {
            return OrderStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "orders.status.unknown", text);
        }
    }

    private static String requiredText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "orders." + field + ".required");
        }
        return optionalText(field, text);
    }

    private static String optionalText(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > MAX_TEXT) {
            throw new InvalidInputException(field, "orders.field.tooLong", MAX_TEXT);
        }
        return text.strip();
    }

    static DefaultMessageSourceResolvable statusName(OrderStatus status) {
        return new DefaultMessageSourceResolvable("orders.status." + status.name());
    }

    static ConflictException notAllowed(OrderStatus from, OrderStatus to) {
        return new ConflictException("orders.status.notAllowed", statusName(from), statusName(to));
    }
}

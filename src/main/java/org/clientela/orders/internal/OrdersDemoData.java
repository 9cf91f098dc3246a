package org.clientela.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.credit.CreditControl;
import org.clientela.credit.CreditDecision;
import org.clientela.orders.OrderStatus;
import org.clientela.platform.DemoDataContributor;
import org.clientela.receivables.InvoiceView;
import org.clientela.receivables.Invoices;
import org.clientela.receivables.NewInvoice;
import org.clientela.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two years of the demo factory's orders: a few a month across twelve active clients, each client
 * with its favourite assortment groups; the old ones delivered or closed and invoiced on their
 * shipping day, some cancelled, the recent ones in every open status. Ten of the clients get a
 * credit limit and payment terms, the first of them a limit its open orders exceed. The same seed
 * gives the same orders on every machine (their numbers follow the sequence). The payments come
 * from the receivables part, and after them today's two orders that the credit rule holds
 * ({@link CreditHolds}).
 */
@Component
class OrdersDemoData implements DemoDataContributor {

    private static final long SEED = 20261127L;
    private static final int CLIENTS = 12;
    private static final int MONTHS = 24;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final List<OrderStatus> OPEN = List.of(OrderStatus.DRAFT, OrderStatus.DRAFT,
            OrderStatus.CONFIRMED, OrderStatus.CONFIRMED, OrderStatus.IN_PRODUCTION, OrderStatus.IN_PRODUCTION,
            OrderStatus.IN_PRODUCTION, OrderStatus.READY, OrderStatus.READY, OrderStatus.SHIPPED, OrderStatus.SHIPPED,
            OrderStatus.DELIVERED, OrderStatus.DELIVERED);

    private record Client(UUID id, UUID owner, String priceType, BigDecimal discount) {
    }

    private record Product(UUID id, String sku, String name, String unit, UUID groupId, String group,
            boolean bySize, BigDecimal cost) {
    }

    private record Price(UUID versionId, int version, LocalDate from, BigDecimal price) {
    }

    private final JdbcClient jdbc;
    private final Invoices invoices;
    private final CreditControl credit;
    private final Clock clock;
    private final BigDecimal vatRate;

    OrdersDemoData(JdbcClient jdbc, Invoices invoices, CreditControl credit, Clock clock,
            @Value("${clientela.orders.vat-rate:20}") BigDecimal vatRate) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.credit = credit;
        this.clock = clock;
        this.vatRate = vatRate;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public boolean hasData() {
        return jdbc.sql("select exists (select 1 from sales_order)").query(Boolean.class).single();
    }

    @Override
    public void load() {
        List<Client> clients = clients();
        List<Product> products = products();
        if (clients.isEmpty() || products.isEmpty()) {
            return;
        }
        Map<UUID, List<Price>> prices = basePrices();
        UUID production = user("production");
        UUID controller = user("credit");
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(SEED);
        List<String> groups = products.stream().map(Product::group).distinct().sorted().toList();

        // limits before the invoices: an invoice's due date follows its client's payment terms
        for (int i = 0; i < Math.min(10, clients.size()); i++) {
            BigDecimal limit = i == 0 ? new BigDecimal("300000.00")
                    : BigDecimal.valueOf(1_500_000L + 250_000L * (i % 5)).setScale(2);
            creditAccount(clients.get(i).id(), limit, i % 3 == 0 ? 14 : i % 3 == 1 ? 30 : 45, controller);
        }

        for (int monthsAgo = MONTHS; monthsAgo >= 1; monthsAgo--) {
            LocalDate month = today.minusMonths(monthsAgo).withDayOfMonth(1);
            int count = 3 + random.nextInt(3);
            for (int n = 0; n < count; n++) {
                Client client = clients.get(random.nextInt(clients.size()));
                LocalDate day = month.plusDays(random.nextInt(28));
                if (!day.isBefore(today.minusDays(45))) {
                    continue;
                }
                OrderStatus status = random.nextInt(20) == 0 ? OrderStatus.CANCELLED
                        : monthsAgo > 3 || random.nextBoolean() ? OrderStatus.CLOSED : OrderStatus.DELIVERED;
                order(prices, client, day, status, lines(client, products, groups, random, monthsAgo), production,
                        random);
            }
        }
        for (int i = 0; i < OPEN.size(); i++) {
            Client client = clients.get((i * 5 + 1) % clients.size());
            LocalDate day = today.minusDays(1 + i * 3L);
            order(prices, client, day, OPEN.get(i), lines(client, products, groups, random, 0), production, random);
        }
        // the client over its limit: big open orders confirmed before it was
        Client overLimit = clients.get(0);
        for (int i = 0; i < 2; i++) {
            order(prices, overLimit, today.minusDays(2 + i), OrderStatus.IN_PRODUCTION,
                    bigLines(products, random), production, random);
        }
    }

    /**
     * Today's confirmations that the credit rule holds: one more big order of the client over its
     * limit, and an order of the fourth client, whose latest invoice the receivables part leaves
     * overdue. The rule decides them as it decides any confirmation, on what the clients owe after
     * their payments; what it allows is confirmed.
     */
    void confirmTodaysOrders() {
        List<Client> clients = clients();
        List<Product> products = products();
        if (clients.isEmpty() || products.isEmpty()) {
            return;
        }
        Map<UUID, List<Price>> prices = basePrices();
        UUID production = user("production");
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(SEED + 1);
        List<String> groups = products.stream().map(Product::group).distinct().sorted().toList();
        Client overLimit = clients.get(0);
        confirm(order(prices, overLimit, today.minusDays(1), OrderStatus.DRAFT, bigLines(products, random),
                production, random), overLimit, today.minusDays(1));
        Client overdue = clients.get(Math.min(3, clients.size() - 1));
        confirm(order(prices, overdue, today, OrderStatus.DRAFT, lines(overdue, products, groups, random, 0),
                production, random), overdue, today);
    }

    private List<Client> clients() {
        return jdbc.sql("""
                        select c.id, c.owner_id, t.name, t.discount_percent
                        from company_ref c
                        left join company_price_type cpt on cpt.company_id = c.id
                        left join price_type t on t.id = cpt.price_type_id
                        where c.status = 'ACTIVE' and c.archived_at is null order by c.inn, c.id limit :limit""")
                .param("limit", CLIENTS)
                .query((rs, row) -> new Client(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getBigDecimal(4) == null ? BigDecimal.ZERO : rs.getBigDecimal(4)))
                .list();
    }

    private List<Product> products() {
        return jdbc.sql("""
                        select p.id, p.sku, p.name, p.unit, g.id, g.name, p.formula is not null, p.cost_price
                        from product p join assortment_group g on g.id = p.group_id where p.active order by p.sku""")
                .query((rs, row) -> new Product(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getBoolean(7),
                        rs.getBigDecimal(8)))
                .list();
    }

    /** One to three lines from the client's favourite groups, one of which it dropped lately. */
    private List<Line> lines(Client client, List<Product> products, List<String> groups, Random random,
            int monthsAgo) {
        int favourite = Math.floorMod(client.id().hashCode(), groups.size());
        List<String> mine = new ArrayList<>(List.of(groups.get(favourite),
                groups.get((favourite + 1) % groups.size())));
        if (monthsAgo > 3) {
            mine.add(groups.get((favourite + 2) % groups.size()));
        }
        int count = 1 + random.nextInt(3);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String group = mine.get(random.nextInt(mine.size()));
            List<Product> inGroup = products.stream().filter(product -> product.group().equals(group)).toList();
            Product product = inGroup.get(random.nextInt(inGroup.size()));
            if (product.bySize()) {
                lines.add(new Line(product, BigDecimal.valueOf(4 + random.nextInt(40)),
                        BigDecimal.valueOf(60 + 5 * random.nextInt(25), 2),
                        BigDecimal.valueOf(50 + 5 * random.nextInt(25), 2),
                        BigDecimal.valueOf(random.nextInt(3) * 2L)));
            } else {
                int most = product.unit().equals("PCS") ? 3 : 40;
                lines.add(new Line(product, BigDecimal.valueOf(1 + random.nextInt(most)), null, null, BigDecimal.ZERO));
            }
        }
        return lines;
    }

    private List<Line> bigLines(List<Product> products, Random random) {
        Product glass = products.stream().filter(Product::bySize).findFirst().orElse(products.get(0));
        return List.of(new Line(glass, BigDecimal.valueOf(60 + random.nextInt(20)),
                glass.bySize() ? new BigDecimal("1.50") : null, glass.bySize() ? new BigDecimal("1.20") : null,
                BigDecimal.ZERO));
    }

    private record Line(Product product, BigDecimal quantity, BigDecimal width, BigDecimal height,
            BigDecimal discount) {
    }

    private UUID order(Map<UUID, List<Price>> prices, Client client, LocalDate day, OrderStatus status,
            List<Line> lines, UUID production, Random random) {
        UUID id = UUID.randomUUID();
        String number = jdbc.sql("select 'З-' || lpad(nextval('sales_order_number_seq')::text, 6, '0')")
                .query(String.class).single();
        jdbc.sql("""
                        insert into sales_order (id, number, company_id, status, order_date, vat_rate, version,
                            created_by, created_at, cancel_reason)
                        values (:id, :number, :company, :status, :day, :rate, 0, :owner, :at, :cancel)""")
                .param("id", id).param("number", number).param("company", client.id()).param("status", status.name())
                .param("day", day).param("rate", vatRate).param("owner", client.owner()).param("at", at(day, 9))
                .param("cancel", status == OrderStatus.CANCELLED ? "Клиент перенёс объект на следующий сезон" : null)
                .update();
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        int position = 0;
        for (Line line : lines) {
            Price price = priceOn(prices, line.product().id(), day);
            if (price == null) {
                continue;
            }
            BigDecimal list = price.price().multiply(HUNDRED.subtract(client.discount())).divide(HUNDRED)
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal unit = list.multiply(HUNDRED.subtract(line.discount())).divide(HUNDRED)
                    .setScale(2, RoundingMode.HALF_UP);
            BigDecimal area = line.width() == null ? null : line.width().multiply(line.height());
            BigDecimal billable = area == null ? null : area.max(new BigDecimal("0.3"));
            BigDecimal units = billable == null ? line.quantity() : line.quantity().multiply(billable);
            BigDecimal amount = unit.multiply(units).setScale(2, RoundingMode.HALF_UP);
            BigDecimal lineCost = line.product().cost() == null ? null
                    : line.product().cost().multiply(units).setScale(2, RoundingMode.HALF_UP);
            jdbc.sql("""
                            insert into order_line (id, order_id, position, product_id, sku, product_name, unit,
                                assortment_group_id, assortment_group, quantity, width, height, area, billable_area,
                                base_price, price_list_version, price_list_effective_from, price_type,
                                price_type_discount, list_unit_price, discount_percent, unit_price, amount, cost_price,
                                cost_amount)
                            values (:id, :order, :position, :product, :sku, :name, :unit, :groupId, :group, :quantity,
                                :width,
                                :height, :area, :billable, :base, :version, :from, :type, :typeDiscount, :list,
                                :discount, :unitPrice, :amount, :cost, :costAmount)""")
                    .param("id", UUID.randomUUID()).param("order", id).param("position", ++position)
                    .param("product", line.product().id()).param("sku", line.product().sku())
                    .param("name", line.product().name()).param("unit", line.product().unit())
                    .param("groupId", line.product().groupId()).param("group", line.product().group())
                    .param("quantity", line.quantity())
                    .param("width", line.width()).param("height", line.height()).param("area", area)
                    .param("billable", billable).param("base", price.price()).param("version", price.version())
                    .param("from", price.from()).param("type", client.priceType())
                    .param("typeDiscount", client.discount()).param("list", list).param("discount", line.discount())
                    .param("unitPrice", unit).param("amount", amount).param("cost", line.product().cost())
                    .param("costAmount", lineCost).update();
            net = net.add(amount);
            cost = cost.add(lineCost == null ? BigDecimal.ZERO : lineCost);
        }
        OrderService.Totals totals = OrderService.totals(net, vatRate, cost);
        jdbc.sql("""
                        update sales_order set total_without_vat = :net, vat_amount = :vat, total_with_vat = :total,
                            cost_total = :cost where id = :id""")
                .param("net", totals.withoutVat()).param("vat", totals.vat()).param("total", totals.withVat())
                .param("cost", totals.cost()).param("id", id).update();
        history(id, day, status, client.owner(), production, random);
        boolean shipped = status.ordinal() >= OrderStatus.SHIPPED.ordinal() && status != OrderStatus.CANCELLED;
        if (shipped && totals.withVat().signum() > 0) {
            InvoiceView invoice = invoices.issue(new NewInvoice(new CompanyId(client.id()), id, number,
                    Money.rubles(totals.withVat()), Money.rubles(totals.vat()), shippingDay(day)));
            jdbc.sql("update sales_order set invoice_id = :invoice where id = :id").param("invoice", invoice.id())
                    .param("id", id).update();
        }
        return id;
    }

    /** The steps up to the order's status, each a few days after the one before. */
    private void history(UUID order, LocalDate day, OrderStatus status, UUID owner, UUID production, Random random) {
        step(order, null, OrderStatus.DRAFT, owner, at(day, 9), null);
        if (status == OrderStatus.DRAFT) {
            return;
        }
        if (status == OrderStatus.CANCELLED) {
            step(order, OrderStatus.DRAFT, OrderStatus.CANCELLED, owner, at(day.plusDays(1), 11),
                    "Клиент перенёс объект на следующий сезон");
            return;
        }
        OrderStatus from = OrderStatus.DRAFT;
        OrderStatus to = OrderStatus.CONFIRMED;
        LocalDate when = day;
        while (to != null && to.ordinal() <= status.ordinal()) {
            boolean byProduction = to != OrderStatus.CONFIRMED && to != OrderStatus.CLOSED && production != null;
            step(order, from, to, byProduction ? production : owner, at(when, 10 + random.nextInt(7)), null);
            from = to;
            to = to.next();
            LocalDate later = when.plusDays(1 + random.nextInt(3));
            when = later.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : later;
        }
    }

    private void step(UUID order, OrderStatus from, OrderStatus to, UUID by, OffsetDateTime at, String note) {
        jdbc.sql("""
                        insert into order_status_change (id, order_id, from_status, to_status, changed_by, changed_at,
                            note)
                        values (:id, :order, :from, :to, :by, :at, :note)""")
                .param("id", UUID.randomUUID()).param("order", order).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("by", by).param("at", at).param("note", note).update();
    }

    /** The credit rule decides the draft's confirmation; recorded as the order service records it. */
    private void confirm(UUID order, Client client, LocalDate day) {
        BigDecimal total = jdbc.sql("select total_with_vat from sales_order where id = :id").param("id", order)
                .query(BigDecimal.class).single();
        CreditDecision decision = credit.decide(new CompanyId(client.id()), Money.rubles(total));
        if (decision.allowed()) {
            jdbc.sql("update sales_order set status = 'CONFIRMED' where id = :id").param("id", order).update();
            step(order, OrderStatus.DRAFT, OrderStatus.CONFIRMED, client.owner(), at(day, 10), null);
            return;
        }
        jdbc.sql("""
                        update sales_order set status = 'CREDIT_HOLD', credit_hold_reason = :reason,
                            credit_limit = :limit, credit_exposure = :exposure
                        where id = :id""")
                .param("reason", decision.holdReason().name())
                .param("limit", decision.limit() == null ? null : decision.limit().amount())
                .param("exposure", decision.exposure().amount()).param("id", order).update();
        step(order, OrderStatus.DRAFT, OrderStatus.CREDIT_HOLD, client.owner(), at(day, 10),
                decision.holdReason().name());
    }

    private void creditAccount(UUID company, BigDecimal limit, int terms, UUID controller) {
        jdbc.sql("""
                        insert into credit_account (company_id, credit_limit, payment_terms_days, version, updated_by)
                        values (:company, :limit, :terms, 1, :by)""")
                .param("company", company).param("limit", limit).param("terms", terms).param("by", controller).update();
        if (controller != null) {
            jdbc.sql("""
                            insert into credit_limit_change (id, company_id, new_limit, new_payment_terms_days, reason,
                                changed_by)
                            values (:id, :company, :limit, :terms,
                                'Лимит по итогам анализа платёжной дисциплины', :by)""")
                    .param("id", UUID.randomUUID()).param("company", company).param("limit", limit)
                    .param("terms", terms).param("by", controller).update();
        }
    }

    private Map<UUID, List<Price>> basePrices() {
        Map<UUID, List<Price>> prices = new HashMap<>();
        jdbc.sql("""
                        select e.product_id, v.id, v.version, v.effective_from, e.price
                        from price_list_entry e join price_list_version v on v.id = e.version_id
                        join price_list l on l.id = v.price_list_id where l.base""")
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), new Price(rs.getObject(2, UUID.class),
                        rs.getInt(3), rs.getObject(4, LocalDate.class), rs.getBigDecimal(5))))
                .list().forEach(entry -> prices.computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                        .add(entry.getValue()));
        prices.values().forEach(list -> list.sort(Comparator.comparing(Price::from).thenComparing(Price::version)));
        return prices;
    }

    /**
     * The base price in force on the day; before the catalogue's first version (the demo's price
     * lists go back a year), that first version's price.
     */
    private static Price priceOn(Map<UUID, List<Price>> prices, UUID product, LocalDate day) {
        List<Price> list = prices.get(product);
        if (list == null || list.isEmpty()) {
            return null;
        }
        Price found = list.get(0);
        for (Price price : list) {
            if (!price.from().isAfter(day)) {
                found = price;
            }
        }
        return found;
    }

    private UUID user(String username) {
        return jdbc.sql("select id from app_user where username = :username").param("username", username)
                .query(UUID.class).optional().orElse(null);
    }

    private LocalDate shippingDay(LocalDate day) {
        LocalDate shipped = day.plusDays(7);
        LocalDate today = LocalDate.now(clock);
        return shipped.isAfter(today) ? today : shipped;
    }

    /**
     * The hour of a demo day in Moscow, or now if that is still to come: today's orders were placed
     * this morning, but a demo loaded before nine must not have records made in the future.
     */
    private OffsetDateTime at(LocalDate day, int hour) {
        OffsetDateTime planned = day.atTime(hour, 0).atOffset(ZoneOffset.ofHours(3));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return planned.isAfter(now) ? now : planned;
    }

    /**
     * Three returns of closed orders (O4), each of one unit of the order's first line a few weeks
     * after the order: a defect, a unit broken on the way, a client who refused a unit.
     */
    @Component
    static class Returns implements DemoDataContributor {

        private static final List<String> REASONS = List.of("DEFECT", "DAMAGED_IN_TRANSIT", "CLIENT_REFUSED");

        private final JdbcClient jdbc;
        private final Clock clock;

        Returns(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "orders-returns";
        }

        /** After the orders and their credit holds (400, 500), before the sales facts are built (900). */
        @Override
        public int order() {
            return 550;
        }

        @Override
        public boolean hasData() {
            return jdbc.sql("select exists (select 1 from order_return)").query(Boolean.class).single();
        }

        @Override
        public void load() {
            LocalDate today = LocalDate.now(clock);
            List<UUID> orders = jdbc.sql("""
                            select id from sales_order where status = 'CLOSED' and order_date < :before
                            order by order_date desc, number desc limit :count""")
                    .param("before", today.minusMonths(2)).param("count", REASONS.size()).query(UUID.class).list();
            for (int i = 0; i < orders.size(); i++) {
                UUID order = orders.get(i);
                UUID id = UUID.randomUUID();
                jdbc.sql("""
                                insert into order_return (id, order_id, position, return_date, reason, amount,
                                    cost_amount, created_by, created_at)
                                select :id, o.id, 1, o.order_date + 20, :reason, 0, 0, o.created_by,
                                       (o.order_date + 20)::timestamp at time zone 'Europe/Moscow' + interval '14 hours'
                                from sales_order o where o.id = :order""")
                        .param("id", id).param("reason", REASONS.get(i)).param("order", order).update();
                jdbc.sql("""
                                insert into order_return_line (id, return_id, order_line_id, quantity, amount, cost_amount)
                                select :line, :return, l.id, 1, round(l.unit_price * coalesce(l.billable_area, 1), 2),
                                       round(l.cost_price * coalesce(l.billable_area, 1), 2)
                                from order_line l where l.order_id = :order and l.position = 1""")
                        .param("line", UUID.randomUUID()).param("return", id).param("order", order).update();
                jdbc.sql("""
                                update order_return r set amount = l.amount, cost_amount = coalesce(l.cost_amount, 0)
                                from order_return_line l where l.return_id = r.id and r.id = :id""")
                        .param("id", id).update();
            }
        }
    }

    /**
     * The part of the orders' demo that waits for the payments: today's confirmations under the
     * credit rule ({@link #confirmTodaysOrders}). A demo world loaded before this part existed made
     * its held orders with the orders part already, and gets none twice.
     */
    @Component
    static class CreditHolds implements DemoDataContributor {

        private final OrdersDemoData orders;
        private final JdbcClient jdbc;

        CreditHolds(OrdersDemoData orders, JdbcClient jdbc) {
            this.orders = orders;
            this.jdbc = jdbc;
        }

        @Override
        public String name() {
            return "orders-credit-holds";
        }

        /** After the receivables part (450): the rule reads what the clients owe once they have paid. */
        @Override
        public int order() {
            return 500;
        }

        @Override
        public boolean hasData() {
            return orders.hasData();
        }

        @Override
        public void load() {
            boolean held = jdbc.sql("select exists (select 1 from sales_order where status = 'CREDIT_HOLD')")
                    .query(Boolean.class).single();
            if (!held) {
                orders.confirmTodaysOrders();
            }
        }
    }
}

package org.clientela.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.catalog.GlassFormula;
import org.clientela.catalog.ProductInput;
import org.clientela.catalog.ProductView;
import org.clientela.catalog.Unit;
import org.clientela.identity.CurrentUser;
import org.clientela.platform.Paging;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InputErrors;
import org.clientela.shared.PageResponse;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.StaleVersionException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The products of the catalogue and their assortment groups (P1). Everybody reads the catalogue;
 * only the head, the director and the administrator change it.
 */
@Service
public class ProductService {

    static final String PRODUCT = "Product";
    static final String EDITORS = "hasAnyRole('HEAD', 'DIRECTOR', 'ADMIN')";
    static final String REQUIRED = "catalog.field.required";
    static final String TOO_LONG = "catalog.field.tooLong";
    static final String UNKNOWN_UNIT = "catalog.product.unitUnknown";
    static final String FORMULA_NEEDS_M2 = "catalog.product.formulaNeedsM2";
    static final String DUPLICATE_SKU = "catalog.product.duplicateSku";
    static final String SKU_FIXED = "catalog.product.skuFixed";

    static final Paging PAGING = Paging.sortableBy(Map.of(
            "sku", "lower(p.sku)",
            "name", "lower(p.name)",
            "group", "lower(g.name)"), Sort.by("group", "name"));

    private final JdbcClient jdbc;
    private final PriceListService priceLists;
    private final AuditLog auditLog;
    private final Clock clock;

    ProductService(JdbcClient jdbc, PriceListService priceLists, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.priceLists = priceLists;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * A new product; its base price goes into the base price list's version in force today (one
     * effective today is started when none is in force yet).
     */
    @Transactional
    @PreAuthorize(EDITORS)
    public ProductView create(ProductInput input) {
        InputErrors errors = new InputErrors();
        String sku = text(errors, "sku", input.sku(), 64);
        String name = text(errors, "name", input.name(), 300);
        String group = text(errors, "group", input.group(), 200);
        Unit unit = unit(errors, input.unit());
        GlassFormula formula = input.formula() == null || input.formula().isBlank() ? null
                : errors.check(() -> GlassFormula.parse("formula", input.formula()));
        if (formula != null && unit != null && unit != Unit.M2) {
            errors.add("unit", FORMULA_NEEDS_M2);
        }
        BigDecimal basePrice = required(errors, "basePrice", input.basePrice()) ? Amounts.price(errors, "basePrice",
                input.basePrice()) : null;
        BigDecimal costPrice = input.costPrice() == null || input.costPrice().isBlank() ? null
                : Amounts.price(errors, "costPrice", input.costPrice());
        errors.throwIfAny();
        UUID id = UUID.randomUUID();
        boolean inserted = jdbc.sql("""
                        insert into product (id, sku, name, unit, group_id, formula, cost_price, active, version)
                        values (:id, :sku, :name, :unit, :group, :formula, :costPrice, :active, 0)
                        on conflict (lower(sku)) do nothing""")
                .param("id", id).param("sku", sku).param("name", name).param("unit", unit.name())
                .param("group", groupId(group)).param("formula", formula == null ? null : formula.text())
                .param("costPrice", costPrice).param("active", input.active() == null || input.active())
                .update() == 1;
        if (!inserted) {
            throw new ConflictException(DUPLICATE_SKU, sku);
        }
        priceLists.putBasePrice(id, basePrice, LocalDate.now(clock));
        auditLog.created(PRODUCT, id, AuditChanges.of().field("sku", null, sku).field("name", null, name)
                .field("unit", null, unit).field("group", null, group).field("formula", null, formula)
                .field("basePrice", null, basePrice).field("costPrice", null, costPrice));
        return product(id);
    }

    /** Changes the name, group, cost price or activity of a product, on the version last seen. */
    @Transactional
    @PreAuthorize(EDITORS)
    public ProductView update(UUID id, long expectedVersion, ProductInput changes) {
        ProductView before = product(id);
        if (before.version() != expectedVersion) {
            throw new StaleVersionException(PRODUCT, id, expectedVersion, before.version());
        }
        InputErrors errors = new InputErrors();
        if (changes.sku() != null && !changes.sku().strip().equals(before.sku())) {
            errors.add("sku", SKU_FIXED);
        }
        if (changes.unit() != null && !changes.unit().strip().equalsIgnoreCase(before.unit().name())) {
            errors.add("unit", SKU_FIXED);
        }
        if (changes.formula() != null && !changes.formula().strip().equalsIgnoreCase(
                before.formula() == null ? "" : before.formula())) {
            errors.add("formula", SKU_FIXED);
        }
        if (changes.basePrice() != null) {
            errors.add("basePrice", "catalog.product.priceThroughPriceList");
        }
        String name = changes.name() == null ? before.name() : text(errors, "name", changes.name(), 300);
        String group = changes.group() == null ? before.group() : text(errors, "group", changes.group(), 200);
        BigDecimal costPrice = changes.costPrice() == null ? costPrice(id)
                : Amounts.price(errors, "costPrice", changes.costPrice());
        boolean active = changes.active() == null ? before.active() : changes.active();
        errors.throwIfAny();
        BigDecimal oldCost = costPrice(id);
        AuditChanges audit = AuditChanges.of();
        if (!name.equals(before.name())) {
            audit.field("name", before.name(), name);
        }
        if (!group.equals(before.group())) {
            audit.field("group", before.group(), group);
        }
        if (costPrice != null && (oldCost == null || costPrice.compareTo(oldCost) != 0)) {
            audit.field("costPrice", oldCost, costPrice);
        }
        if (active != before.active()) {
            audit.field("active", before.active(), active);
        }
        if (audit.isEmpty()) {
            return before;
        }
        int updated = jdbc.sql("""
                        update product set name = :name, group_id = :group, cost_price = :costPrice, active = :active,
                            version = version + 1
                        where id = :id and version = :version""")
                .param("name", name).param("group", groupId(group)).param("costPrice", costPrice)
                .param("active", active).param("id", id).param("version", expectedVersion).update();
        if (updated == 0) {
            throw new StaleVersionException(PRODUCT, id, expectedVersion, product(id).version());
        }
        auditLog.updated(PRODUCT, id, audit);
        return product(id);
    }

    @Transactional(readOnly = true)
    public ProductView product(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).param("today", LocalDate.now(clock))
                .query(this::view).optional().orElseThrow(() -> new RecordNotFoundException(PRODUCT, id));
    }

    /** A page of the catalogue; {@code q}: a fragment of the SKU or name; {@code group}: the group's name. */
    @Transactional(readOnly = true)
    public PageResponse<ProductView> list(String q, String group, Pageable pageable) {
        PageRequest page = PAGING.check(pageable);
        StringBuilder where = new StringBuilder(" where true");
        String pattern = q == null || q.isBlank() ? null : "%" + escape(q.strip().toLowerCase(Locale.ROOT)) + "%";
        if (pattern != null) {
            where.append(" and (lower(p.sku) like :q or lower(p.name) like :q)");
        }
        if (group != null && !group.isBlank()) {
            where.append(" and lower(g.name) = lower(:group)");
        }
        long total = bind(jdbc.sql("select count(*) from product p join assortment_group g on g.id = p.group_id"
                + where), pattern, group).query(Long.class).single();
        List<ProductView> content = bind(jdbc.sql(SELECT + where + " order by " + PAGING.orderBy(page, "p.id")
                        + " limit :limit offset :offset"), pattern, group)
                .param("today", LocalDate.now(clock)).param("limit", page.getPageSize())
                .param("offset", page.getOffset()).query(this::view).list();
        return PageResponse.of(content, page.getPageNumber(), page.getPageSize(), total);
    }

    /** Whether the current user sees cost prices and margins (the head, the director, the administrator). */
    public boolean marginsVisible() {
        return CurrentUser.maySeeMargins();
    }

    /** The assortment groups' names, alphabetically. */
    @Transactional(readOnly = true)
    public List<String> groups() {
        return jdbc.sql("select name from assortment_group order by lower(name)").query(String.class).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String pattern, String group) {
        if (pattern != null) {
            spec = spec.param("q", pattern);
        }
        if (group != null && !group.isBlank()) {
            spec = spec.param("group", group.strip());
        }
        return spec;
    }

    private static final String SELECT = """
            select p.*, g.name as group_name,
                (select e.price from price_list_version v
                    join price_list l on l.id = v.price_list_id and l.base
                    join price_list_entry e on e.version_id = v.id and e.product_id = p.id
                 where v.effective_from <= :today
                   and v.id = (select v2.id from price_list_version v2 where v2.price_list_id = l.id
                               and v2.effective_from <= :today order by v2.effective_from desc, v2.version desc limit 1))
                    as base_price
            from product p join assortment_group g on g.id = p.group_id""";

    private ProductView view(ResultSet rs, int row) throws SQLException {
        return new ProductView(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("name"),
                Unit.valueOf(rs.getString("unit")), rs.getString("group_name"), rs.getString("formula"),
                rs.getBigDecimal("base_price"), CurrentUser.maySeeMargins() ? rs.getBigDecimal("cost_price") : null,
                rs.getBoolean("active"), rs.getLong("version"));
    }

    BigDecimal costPrice(UUID id) {
        return jdbc.sql("select cost_price from product where id = :id").param("id", id).query(BigDecimal.class)
                .optional().orElse(null);
    }

    /** The group of this name, created on first use: the assortment grows with the catalogue. */
    private UUID groupId(String name) {
        jdbc.sql("insert into assortment_group (id, name) values (:id, :name) on conflict do nothing")
                .param("id", UUID.randomUUID()).param("name", name).update();
        return jdbc.sql("select id from assortment_group where lower(name) = lower(:name)").param("name", name)
                .query(UUID.class).single();
    }

    private static Unit unit(InputErrors errors, String text) {
        if (!required(errors, "unit", text)) {
            return null;
        }
        try {
            return Unit.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("unit", UNKNOWN_UNIT, text, Arrays.toString(Unit.values()));
            return null;
        }
    }

    static boolean required(InputErrors errors, String field, String text) {
        if (text == null || text.isBlank()) {
            errors.add(field, REQUIRED);
            return false;
        }
        return true;
    }

    static String text(InputErrors errors, String field, String text, int maxLength) {
        if (!required(errors, field, text)) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength) {
            errors.add(field, TOO_LONG, maxLength);
            return null;
        }
        return stripped;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

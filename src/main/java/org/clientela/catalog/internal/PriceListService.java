package org.clientela.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.clientela.audit.AuditChanges;
import org.clientela.audit.AuditLog;
import org.clientela.catalog.PriceListView;
import org.clientela.catalog.Unit;
import org.clientela.identity.CurrentUser;
import org.clientela.shared.InputErrors;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price lists and their versions (P2). A new version of a list starts from the prices of the list's
 * latest version and changes those it is given; from its effective date it supersedes the earlier
 * versions, so the price in force on a day is the entry of the latest version effective on or
 * before that day (of two effective the same day, the later version).
 */
@Service
public class PriceListService {

    static final String PRICE_LIST = "PriceList";
    static final String UNKNOWN_PRODUCT = "catalog.priceList.unknownProduct";
    static final String DATE_INVALID = "catalog.date.invalid";
    static final String REPEATED_PRODUCT = "catalog.priceList.repeatedProduct";
    static final String NO_ENTRIES = "catalog.priceList.noEntries";
    static final String SYSTEM = "system";

    /** A requested entry: text to be checked. */
    public record EntryInput(String productId, String price) {
    }

    /** The entry in force of a product: its price and the version it comes from. */
    public record PriceInForce(UUID versionId, int version, LocalDate effectiveFrom, BigDecimal price) {
    }

    private final JdbcClient jdbc;
    private final AuditLog auditLog;

    PriceListService(JdbcClient jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /**
     * A new version of the list of this name (a new list when there is none), effective from the
     * given day, with the latest version's entries changed by those given.
     */
    @Transactional
    @PreAuthorize(ProductService.EDITORS)
    public PriceListView createVersion(String name, String effectiveFrom, List<EntryInput> entries) {
        InputErrors errors = new InputErrors();
        String listName = ProductService.text(errors, "name", name, 200);
        LocalDate from = ProductService.required(errors, "effectiveFrom", effectiveFrom)
                ? date(errors, "effectiveFrom", effectiveFrom) : null;
        Map<UUID, BigDecimal> prices = new LinkedHashMap<>();
        List<EntryInput> given = entries == null ? List.of() : entries;
        if (given.isEmpty()) {
            errors.add("entries", NO_ENTRIES);
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            EntryInput entry = given.get(i);
            String field = "entries[" + i + "]";
            UUID product = entry == null ? null : productId(errors, field + ".productId", entry.productId());
            BigDecimal price = entry == null || !ProductService.required(errors, field + ".price", entry.price())
                    ? null : Amounts.price(errors, field + ".price", entry.price());
            if (product != null && !seen.add(product)) {
                errors.add(field + ".productId", REPEATED_PRODUCT);
            } else if (product != null && price != null) {
                prices.put(product, price);
            }
        }
        errors.throwIfAny();
        UUID listId = listId(listName);
        // one new version at a time per list: the versions are numbered without gaps or repeats
        jdbc.sql("select id from price_list where id = :id for update").param("id", listId).query(UUID.class).single();
        UUID versionId = newVersion(listId, from);
        jdbc.sql("""
                        insert into price_list_entry (version_id, product_id, price)
                        select :version, e.product_id, e.price from price_list_entry e
                        where e.version_id = (select v.id from price_list_version v where v.price_list_id = :list
                                              and v.id <> :version order by v.version desc limit 1)""")
                .param("version", versionId).param("list", listId).update();
        prices.forEach((product, price) -> putEntry(versionId, product, price));
        PriceListView created = version(versionId);
        AuditChanges audit = AuditChanges.of().field("name", null, created.name())
                .field("version", null, created.version()).field("effectiveFrom", null, from);
        prices.forEach((product, price) -> audit.field("price " + product, null, price));
        auditLog.created(PRICE_LIST, versionId, audit);
        return created;
    }

    /** Every version of every list, newest first, without their entries. */
    @Transactional(readOnly = true)
    public List<PriceListView> versions() {
        return jdbc.sql("""
                        select v.*, l.name, l.base from price_list_version v join price_list l on l.id = v.price_list_id
                        order by l.base desc, lower(l.name), v.version desc""")
                .query((rs, row) -> new PriceListView(rs.getObject("id", UUID.class),
                        rs.getObject("price_list_id", UUID.class), rs.getString("name"), rs.getBoolean("base"),
                        rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
                        rs.getString("created_by"), List.of())).list();
    }

    @Transactional(readOnly = true)
    public PriceListView version(UUID id) {
        List<PriceListView.Entry> entries = jdbc.sql("""
                        select e.product_id, p.sku, p.name, p.unit, e.price from price_list_entry e
                        join product p on p.id = e.product_id where e.version_id = :id order by lower(p.sku)""")
                .param("id", id)
                .query((rs, row) -> new PriceListView.Entry(rs.getObject("product_id", UUID.class),
                        rs.getString("sku"), rs.getString("name"), Unit.valueOf(rs.getString("unit")),
                        rs.getBigDecimal("price"))).list();
        return jdbc.sql("""
                        select v.*, l.name, l.base from price_list_version v join price_list l on l.id = v.price_list_id
                        where v.id = :id""").param("id", id)
                .query((rs, row) -> new PriceListView(rs.getObject("id", UUID.class),
                        rs.getObject("price_list_id", UUID.class), rs.getString("name"), rs.getBoolean("base"),
                        rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
                        rs.getString("created_by"), entries))
                .optional().orElseThrow(() -> new RecordNotFoundException(PRICE_LIST, id));
    }

    /** The base price of a product in force on a day, if the base list has one. */
    @Transactional(readOnly = true)
    public Optional<PriceInForce> basePriceOn(UUID productId, LocalDate day) {
        return jdbc.sql("""
                        select v.id, v.version, v.effective_from, e.price
                        from price_list_version v join price_list l on l.id = v.price_list_id and l.base
                        left join price_list_entry e on e.version_id = v.id and e.product_id = :product
                        where v.effective_from <= :day
                        order by v.effective_from desc, v.version desc limit 1""")
                .param("product", productId).param("day", day)
                .query((rs, row) -> rs.getBigDecimal("price") == null ? null
                        : new PriceInForce(rs.getObject("id", UUID.class), rs.getInt("version"),
                                rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("price")))
                .list().stream().filter(Objects::nonNull).findFirst();
    }

    /** A product's base prices, one per version of the base list that has it, newest first. */
    @Transactional(readOnly = true)
    public List<PriceInForce> baseHistory(UUID productId) {
        return jdbc.sql("""
                        select v.id, v.version, v.effective_from, e.price
                        from price_list_version v join price_list l on l.id = v.price_list_id and l.base
                        join price_list_entry e on e.version_id = v.id and e.product_id = :product
                        order by v.effective_from desc, v.version desc""")
                .param("product", productId)
                .query((rs, row) -> new PriceInForce(rs.getObject("id", UUID.class), rs.getInt("version"),
                        rs.getObject("effective_from", LocalDate.class), rs.getBigDecimal("price"))).list();
    }

    /**
     * Puts a new product's price into the base list's version in force on {@code day} (a first
     * version effective that day when none is in force yet) and into the versions planned after
     * it, which started from the prices of the one in force.
     */
    void putBasePrice(UUID productId, BigDecimal price, LocalDate day) {
        UUID listId = jdbc.sql("select id from price_list where base").query(UUID.class).single();
        UUID current = jdbc.sql("""
                        select id from price_list_version where price_list_id = :list and effective_from <= :day
                        order by effective_from desc, version desc limit 1""")
                .param("list", listId).param("day", day).query(UUID.class).optional()
                .orElseGet(() -> newVersion(listId, day));
        putEntry(current, productId, price);
        jdbc.sql("select id from price_list_version where price_list_id = :list and effective_from > :day")
                .param("list", listId).param("day", day).query(UUID.class).list()
                .forEach(later -> putEntry(later, productId, price));
    }

    private UUID newVersion(UUID listId, LocalDate from) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into price_list_version (id, price_list_id, version, effective_from, created_by)
                        values (:id, :list, (select coalesce(max(version), 0) + 1 from price_list_version
                                             where price_list_id = :list), :from, :by)""")
                .param("id", id).param("list", listId).param("from", from)
                .param("by", CurrentUser.find().map(CurrentUser::username).orElse(SYSTEM)).update();
        return id;
    }

    private void putEntry(UUID versionId, UUID productId, BigDecimal price) {
        jdbc.sql("""
                        insert into price_list_entry (version_id, product_id, price) values (:version, :product, :price)
                        on conflict (version_id, product_id) do update set price = excluded.price""")
                .param("version", versionId).param("product", productId).param("price", price).update();
    }

    private UUID listId(String name) {
        jdbc.sql("insert into price_list (id, name) values (:id, :name) on conflict do nothing")
                .param("id", UUID.randomUUID()).param("name", name).update();
        return jdbc.sql("select id from price_list where lower(name) = lower(:name)").param("name", name)
                .query(UUID.class).single();
    }

    private UUID productId(InputErrors errors, String field, String text) {
        if (!ProductService.required(errors, field, text)) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, UNKNOWN_PRODUCT, text);
            return null;
        }
        boolean exists = jdbc.sql("select exists (select 1 from product where id = :id)").param("id", id)
                .query(Boolean.class).single();
        if (!exists) {
            errors.add(field, UNKNOWN_PRODUCT, text);
            return null;
        }
        return id;
    }

    static LocalDate date(InputErrors errors, String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, DATE_INVALID, text);
            return null;
        }
    }
}

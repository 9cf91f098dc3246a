package org.clientela.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clientela.platform.DemoDataContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo factory's catalogue: single- and double-chamber and low-emission glass units by
 * formula, the services of delivery and installation, the base price list in two versions (last
 * year's, about 8 % cheaper, and this year's), three price types and the price types of some
 * demo clients. The same ids and prices on every machine.
 */
@Component
class CatalogDemoData implements DemoDataContributor {

    static final UUID RETAIL = uuid("price-type:retail");
    static final UUID DEALER = uuid("price-type:dealer");
    static final UUID WHOLESALE = uuid("price-type:wholesale");

    private record Item(String sku, String name, String unit, String group, String formula, String price,
            String cost) {
    }

    private static final String SINGLE = "Стеклопакеты однокамерные";
    private static final String DOUBLE = "Стеклопакеты двухкамерные";
    private static final String ENERGY = "Энергосберегающие";
    private static final String SERVICES = "Услуги";

    private static final List<Item> ITEMS = List.of(
            new Item("SP1-4-16-4", "Стеклопакет 4-16-4", "M2", SINGLE, "4-16-4", "2150.00", "1480.00"),
            new Item("SP1-4-14-4", "Стеклопакет 4-14-4", "M2", SINGLE, "4-14-4", "2080.00", "1430.00"),
            new Item("SP1-4-12-4", "Стеклопакет 4-12-4", "M2", SINGLE, "4-12-4", "1990.00", "1370.00"),
            new Item("SP1-6-16-6", "Стеклопакет 6-16-6 закалённый", "M2", SINGLE, "6-16-6", "3450.00", "2380.00"),
            new Item("SP2-4-10-4-10-4", "Стеклопакет 4-10-4-10-4", "M2", DOUBLE, "4-10-4-10-4", "2890.00",
                    "1990.00"),
            new Item("SP2-4-12-4-12-4", "Стеклопакет 4-12-4-12-4", "M2", DOUBLE, "4-12-4-12-4", "3050.00",
                    "2100.00"),
            new Item("SP2-4-14-4-14-4", "Стеклопакет 4-14-4-14-4", "M2", DOUBLE, "4-14-4-14-4", "3190.00",
                    "2200.00"),
            new Item("SP2-4-16-4-16-4", "Стеклопакет 4-16-4-16-4", "M2", DOUBLE, "4-16-4-16-4", "3350.00",
                    "2310.00"),
            new Item("SPE-4-16-4I", "Стеклопакет 4-16-4i с низкоэмиссионным стеклом", "M2", ENERGY, "4-16-4i",
                    "2690.00", "1850.00"),
            new Item("SPE-4-14-4-14-4I", "Стеклопакет 4-14-4-14-4i с низкоэмиссионным стеклом", "M2", ENERGY,
                    "4-14-4-14-4i", "3790.00", "2610.00"),
            new Item("SPE-4-10-4-10-4I", "Стеклопакет 4-10-4-10-4i с низкоэмиссионным стеклом", "M2", ENERGY,
                    "4-10-4-10-4i", "3590.00", "2470.00"),
            new Item("SRV-DELIVERY-MSK", "Доставка по Москве", "PCS", SERVICES, null, "4500.00", null),
            new Item("SRV-DELIVERY-KM", "Доставка за МКАД, за километр", "PCS", SERVICES, null, "60.00", null),
            new Item("SRV-INSTALL", "Монтаж стеклопакетов", "M2", SERVICES, null, "650.00", null),
            new Item("SRV-SEALING", "Герметизация шва", "M", SERVICES, null, "180.00", null));

    private final JdbcClient jdbc;
    private final Clock clock;

    CatalogDemoData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public boolean hasData() {
        return jdbc.sql("select exists (select 1 from product)").query(Boolean.class).single();
    }

    @Override
    public void load() {
        for (String group : List.of(SINGLE, DOUBLE, ENERGY, SERVICES)) {
            jdbc.sql("insert into assortment_group (id, name) values (:id, :name)")
                    .param("id", uuid("group:" + group)).param("name", group).update();
        }
        for (Item item : ITEMS) {
            jdbc.sql("""
                            insert into product (id, sku, name, unit, group_id, formula, cost_price, version)
                            values (:id, :sku, :name, :unit, :group, :formula, :cost, 0)""")
                    .param("id", uuid("product:" + item.sku())).param("sku", item.sku()).param("name", item.name())
                    .param("unit", item.unit()).param("group", uuid("group:" + item.group()))
                    .param("formula", item.formula()).param("cost", item.cost() == null ? null
                            : new BigDecimal(item.cost())).update();
        }
        UUID base = jdbc.sql("select id from price_list where base").query(UUID.class).single();
        int year = LocalDate.now(clock).getYear();
        UUID older = version(base, 1, LocalDate.of(year - 1, 1, 15));
        UUID current = version(base, 2, LocalDate.of(year, 1, 15));
        for (Item item : ITEMS) {
            BigDecimal price = new BigDecimal(item.price());
            // last year's prices: 8 % lower, to whole tens of roubles
            BigDecimal lastYear = price.multiply(new BigDecimal("0.92")).divide(BigDecimal.TEN, 0, RoundingMode.HALF_UP)
                    .multiply(BigDecimal.TEN).setScale(2);
            entry(older, item, lastYear);
            entry(current, item, price);
        }
        priceType(RETAIL, "Розница", "0");
        priceType(DEALER, "Дилер", "10");
        priceType(WHOLESALE, "Крупный опт", "15");
        List<UUID> companies = jdbc.sql("select id from company where archived_at is null order by inn, id")
                .query(UUID.class).list();
        for (int i = 0; i < companies.size(); i++) {
            UUID type = i % 10 == 0 ? WHOLESALE : i % 3 == 0 ? DEALER : i % 4 == 0 ? RETAIL : null;
            if (type != null) {
                jdbc.sql("insert into company_price_type (company_id, price_type_id) values (:company, :type)")
                        .param("company", companies.get(i)).param("type", type).update();
            }
        }
    }

    private UUID version(UUID list, int version, LocalDate from) {
        UUID id = uuid("price-list-version:" + version);
        jdbc.sql("""
                        insert into price_list_version (id, price_list_id, version, effective_from, created_by)
                        values (:id, :list, :version, :from, 'system')""")
                .param("id", id).param("list", list).param("version", version).param("from", from).update();
        return id;
    }

    private void entry(UUID version, Item item, BigDecimal price) {
        jdbc.sql("insert into price_list_entry (version_id, product_id, price) values (:version, :product, :price)")
                .param("version", version).param("product", uuid("product:" + item.sku())).param("price", price)
                .update();
    }

    private void priceType(UUID id, String name, String discount) {
        jdbc.sql("insert into price_type (id, name, discount_percent) values (:id, :name, :discount)")
                .param("id", id).param("name", name).param("discount", new BigDecimal(discount)).update();
    }

    private static UUID uuid(String key) {
        return UUID.nameUUIDFromBytes(("catalog:" + key).getBytes(StandardCharsets.UTF_8));
    }
}

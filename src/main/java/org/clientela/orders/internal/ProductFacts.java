package org.clientela.orders.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an order needs of a product beyond its client's price: its assortment group (kept on the
 * line by id for the sales facts and by name for the suggestions), whether it is still sold, and its cost price — needed for every line's
 * cost and the below-cost rule whoever takes the order, while {@code ClientPrices} shows the cost
 * only to those who may see margins. Read from the catalogue's tables, never written.
 */
@Component
public class ProductFacts {

    public record Product(UUID id, String sku, String name, String unit, UUID groupId, String group,
            String formula, BigDecimal costPrice, boolean active) {

        public boolean bySize() {
            return formula != null;
        }
    }

    private static final String SELECT = """
            select p.id, p.sku, p.name, p.unit, p.group_id, g.name as group_name, p.formula, p.cost_price, p.active
            from product p join assortment_group g on g.id = p.group_id""";

    private final JdbcClient jdbc;

    ProductFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Product> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(ProductFacts::product).optional();
    }

    /** Active products whose SKU or name holds the fragment, for the order page's picker. */
    public List<Product> search(String fragment, int limit) {
        String pattern = "%" + (fragment == null ? "" : fragment.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.sql(SELECT + """
                         where p.active and (lower(p.sku) like :q or lower(p.name) like :q)
                        order by p.sku limit :limit""")
                .param("q", pattern).param("limit", limit).query(ProductFacts::product).list();
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("name"),
                rs.getString("unit"), rs.getObject("group_id", UUID.class), rs.getString("group_name"), rs.getString("formula"),
                rs.getBigDecimal("cost_price"), rs.getBoolean("active"));
    }
}

package org.clientela.keyaccounts.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.clientela.keyaccounts.WarningKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ASSORTMENT_SHRINKING: the client bought (net revenue above zero in a month) in at least
 * {@code clientela.warnings.groups-dropped} assortment groups fewer in the last 3 whole months
 * than in the 9 before; the evidence names the groups it no longer buys. Read from the
 * salesfacts module's {@code sales_fact} and the catalog's groups.
 */
@Component
class AssortmentShrinkingRule implements WarningRule {

    private final JdbcClient jdbc;
    private final WarningSettings settings;

    AssortmentShrinkingRule(JdbcClient jdbc, WarningSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public WarningKind kind() {
        return WarningKind.ASSORTMENT_SHRINKING;
    }

    private record Groups(TreeSet<String> recent, TreeSet<String> earlier) {
    }

    @Override
    public Map<UUID, Map<String, Object>> detect(LocalDate day) {
        SalesHistory.Window window = SalesHistory.Window.before(day);
        Map<UUID, Groups> clients = new HashMap<>();
        jdbc.sql("""
                        select f.company_id, g.name, bool_or(f.month >= :recentFrom) as recent,
                               bool_or(f.month < :recentFrom) as earlier
                        from sales_fact f
                        join assortment_group g on g.id = f.group_id
                        where f.month between :from and :to and f.revenue > 0
                        group by f.company_id, g.name""")
                .param("recentFrom", window.recentFrom().atDay(1)).param("from", window.baselineFrom().atDay(1))
                .param("to", window.recentTo().atDay(1))
                .query(rs -> {
                    Groups groups = clients.computeIfAbsent(rs.getObject("company_id", UUID.class),
                            company -> new Groups(new TreeSet<>(), new TreeSet<>()));
                    if (rs.getBoolean("recent")) {
                        groups.recent().add(rs.getString("name"));
                    }
                    if (rs.getBoolean("earlier")) {
                        groups.earlier().add(rs.getString("name"));
                    }
                });
        Map<UUID, Map<String, Object>> found = new HashMap<>();
        clients.forEach((company, groups) -> {
            if (groups.earlier().size() - groups.recent().size() >= settings.groupsDropped()) {
                List<String> dropped = new ArrayList<>(groups.earlier());
                dropped.removeAll(groups.recent());
                Map<String, Object> evidence = Drops.window(window);
                evidence.put("recentGroups", groups.recent().size());
                evidence.put("baselineGroups", groups.earlier().size());
                evidence.put("droppedGroups", dropped);
                evidence.put("threshold", settings.groupsDropped());
                found.put(company, evidence);
            }
        });
        return found;
    }
}

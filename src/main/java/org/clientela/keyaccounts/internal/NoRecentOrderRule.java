package org.clientela.keyaccounts.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.clientela.keyaccounts.WarningKind;
import org.clientela.orders.OrderingClients;
import org.clientela.orders.OrderingClients.OrderingClient;
import org.springframework.stereotype.Component;

/**
 * NO_RECENT_ORDER: an active client (at least {@code clientela.warnings.active-orders} orders in the
 * {@code active-days} up to the day) whose latest order is {@code no-order-days} old or older.
 * This stands in for "no contact for longer than the client's cadence" until activities exist:
 * that rule replaces this class.
 */
@Component
class NoRecentOrderRule implements WarningRule {

    private final OrderingClients orders;
    private final WarningSettings settings;

    NoRecentOrderRule(OrderingClients orders, WarningSettings settings) {
        this.orders = orders;
        this.settings = settings;
    }

    @Override
    public WarningKind kind() {
        return WarningKind.NO_RECENT_ORDER;
    }

    @Override
    public Map<UUID, Map<String, Object>> detect(LocalDate day) {
        LocalDate from = day.minusDays(settings.activeDays() - 1L);
        Map<UUID, Map<String, Object>> found = new HashMap<>();
        for (OrderingClient client : orders.ordering(from, day)) {
            long silent = ChronoUnit.DAYS.between(client.lastOrderDate(), day);
            if (client.orders() >= settings.activeOrders() && silent >= settings.noOrderDays()) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("daysWithoutOrder", silent);
                evidence.put("lastOrderDate", client.lastOrderDate().toString());
                evidence.put("ordersInPeriod", client.orders());
                evidence.put("periodFrom", from.toString());
                evidence.put("thresholdDays", settings.noOrderDays());
                found.put(client.company().value(), evidence);
            }
        }
        return found;
    }
}

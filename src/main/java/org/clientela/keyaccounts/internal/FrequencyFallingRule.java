package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.clientela.keyaccounts.WarningKind;
import org.springframework.stereotype.Component;

/**
 * FREQUENCY_FALLING: the orders of the last 3 whole months are more than
 * {@code clientela.warnings.frequency-drop-percent} fewer than the client's average 3 months of
 * the 9 before, for a client with enough history (as for VOLUME_FALLING).
 */
@Component
class FrequencyFallingRule implements WarningRule {

    private final SalesHistory history;
    private final WarningSettings settings;

    FrequencyFallingRule(SalesHistory history, WarningSettings settings) {
        this.history = history;
        this.settings = settings;
    }

    @Override
    public WarningKind kind() {
        return WarningKind.FREQUENCY_FALLING;
    }

    @Override
    public Map<UUID, Map<String, Object>> detect(LocalDate day) {
        SalesHistory.Window window = SalesHistory.Window.before(day);
        Map<UUID, Map<String, Object>> found = new HashMap<>();
        for (SalesHistory.Client client : history.clients(window)) {
            if (client.baselineMonths() < settings.historyMonths() || client.baselineOrders() <= 0) {
                continue;
            }
            BigDecimal recent = BigDecimal.valueOf(client.recentOrders());
            BigDecimal baseline = BigDecimal.valueOf(client.baselineOrders());
            if (Drops.fellBelow(recent, baseline, settings.frequencyDropPercent())) {
                Map<String, Object> evidence = Drops.window(window);
                evidence.put("recentOrders", client.recentOrders());
                evidence.put("baselineOrders", baseline.divide(Drops.BASELINE_QUARTERS, 1, RoundingMode.HALF_UP));
                evidence.put("dropPercent", Drops.percent(recent, baseline));
                evidence.put("thresholdPercent", settings.frequencyDropPercent());
                found.put(client.company(), evidence);
            }
        }
        return found;
    }
}

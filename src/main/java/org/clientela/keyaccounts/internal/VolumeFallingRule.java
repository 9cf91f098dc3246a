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
 * VOLUME_FALLING: the revenue of the last 3 whole months is more than
 * {@code clientela.warnings.volume-drop-percent} below the client's average 3 months of the 9
 * before, for a client that bought in enough of those 9 months to have a baseline.
 */
@Component
class VolumeFallingRule implements WarningRule {

    private final SalesHistory history;
    private final WarningSettings settings;

    VolumeFallingRule(SalesHistory history, WarningSettings settings) {
        this.history = history;
        this.settings = settings;
    }

    @Override
    public WarningKind kind() {
        return WarningKind.VOLUME_FALLING;
    }

    @Override
    public Map<UUID, Map<String, Object>> detect(LocalDate day) {
        SalesHistory.Window window = SalesHistory.Window.before(day);
        Map<UUID, Map<String, Object>> found = new HashMap<>();
        for (SalesHistory.Client client : history.clients(window)) {
            if (client.baselineMonths() < settings.historyMonths() || client.baselineRevenue().signum() <= 0) {
                continue;
            }
            BigDecimal baseline = client.baselineRevenue().divide(Drops.BASELINE_QUARTERS, 2, RoundingMode.HALF_UP);
            if (Drops.fellBelow(client.recentRevenue(), client.baselineRevenue(), settings.volumeDropPercent())) {
                Map<String, Object> evidence = Drops.window(window);
                evidence.put("recentRevenue", client.recentRevenue().setScale(2, RoundingMode.HALF_UP));
                evidence.put("baselineRevenue", baseline);
                evidence.put("dropPercent", Drops.percent(client.recentRevenue(), client.baselineRevenue()));
                evidence.put("thresholdPercent", settings.volumeDropPercent());
                found.put(client.company(), evidence);
            }
        }
        return found;
    }
}

package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;

import org.clientela.keyaccounts.Thresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The department's ABC/XYZ thresholds in percent ({@code clientela.abc-xyz.*}); a request may
 * give others. Wrong ones stop the application at its start rather than classify wrongly.
 */
@ConfigurationProperties("clientela.abc-xyz")
record AbcXyzSettings(BigDecimal a, BigDecimal b, BigDecimal x, BigDecimal y) {

    Thresholds thresholds() {
        return new Thresholds(a, b, x, y);
    }
}

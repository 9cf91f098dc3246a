package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The early-warning rules' thresholds ({@code clientela.warnings.*}, documented in application.yml).
 *
 * @param volumeDropPercent      VOLUME_FALLING when the last 3 months' revenue is more than this below the baseline
 * @param frequencyDropPercent   FREQUENCY_FALLING when their order count is more than this below the baseline
 * @param historyMonths          a client has enough history for both when it bought in at least this many of the
 *                               baseline's 9 months
 * @param groupsDropped          ASSORTMENT_SHRINKING when the client bought in at least this many groups fewer
 * @param debtGrowthPercent      DEBT_GROWING when the balance grew by more than this over {@code debtDays}
 * @param debtDays               how far back the balance is compared
 */
@ConfigurationProperties("clientela.warnings")
record WarningSettings(@DefaultValue("30") BigDecimal volumeDropPercent,
        @DefaultValue("40") BigDecimal frequencyDropPercent, @DefaultValue("3") int historyMonths,
        @DefaultValue("2") int groupsDropped, @DefaultValue("50") BigDecimal debtGrowthPercent,
        @DefaultValue("30") int debtDays) {
}

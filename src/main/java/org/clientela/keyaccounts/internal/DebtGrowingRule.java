package org.clientela.keyaccounts.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.clientela.clients.CompanyId;
import org.clientela.keyaccounts.WarningKind;
import org.clientela.receivables.ReceivableBalances;
import org.clientela.receivables.ReceivableBalances.ReceivableBalance;
import org.springframework.stereotype.Component;

/**
 * DEBT_GROWING: the client's balance today is more than {@code clientela.warnings.debt-growth-percent}
 * above its balance {@code debt-days} days ago, and part of it is overdue. A client that owed
 * nothing then has no growth in percent to speak of: its overdue debt is the collection's business.
 */
@Component
class DebtGrowingRule implements WarningRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ReceivableBalances balances;
    private final WarningSettings settings;

    DebtGrowingRule(ReceivableBalances balances, WarningSettings settings) {
        this.balances = balances;
        this.settings = settings;
    }

    @Override
    public WarningKind kind() {
        return WarningKind.DEBT_GROWING;
    }

    @Override
    public Map<UUID, Map<String, Object>> detect(LocalDate day) {
        LocalDate before = day.minusDays(settings.debtDays());
        Map<CompanyId, ReceivableBalance> then = balances.on(before);
        Map<UUID, Map<String, Object>> found = new HashMap<>();
        balances.on(day).forEach((company, now) -> {
            ReceivableBalance earlier = then.get(company);
            if (earlier == null || earlier.balance().signum() <= 0 || now.overdue().signum() <= 0) {
                return;
            }
            BigDecimal limit = earlier.balance().multiply(HUNDRED.add(settings.debtGrowthPercent()));
            if (now.balance().multiply(HUNDRED).compareTo(limit) > 0) {
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("balance", now.balance());
                evidence.put("balanceBefore", earlier.balance());
                evidence.put("growthPercent", now.balance().subtract(earlier.balance()).multiply(HUNDRED)
                        .divide(earlier.balance(), 0, RoundingMode.HALF_UP).longValueExact());
                evidence.put("overdue", now.overdue());
                evidence.put("days", settings.debtDays());
                evidence.put("asOf", day.toString());
                evidence.put("asOfBefore", before.toString());
                evidence.put("thresholdPercent", settings.debtGrowthPercent());
                found.put(company.value(), evidence);
            }
        });
        return found;
    }
}

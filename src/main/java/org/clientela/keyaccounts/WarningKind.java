package org.clientela.keyaccounts;

import java.util.Arrays;
import java.util.List;

/**
 * What an early warning (K4) is about. Each kind names the figures of its evidence that its
 * one-line text ({@code keyaccounts.warning.text.<KIND>}) shows, in the order of the text's
 * arguments.
 */
public enum WarningKind {
    /** Revenue of the last 3 whole months well below the client's average 3 months of the 9 before. */
    VOLUME_FALLING("recentRevenue", "baselineRevenue", "dropPercent"),
    /** Fewer orders in the last 3 whole months than the client's average 3 months of the 9 before. */
    FREQUENCY_FALLING("recentOrders", "baselineOrders", "dropPercent"),
    /** The client stopped buying assortment groups it bought in the 9 months before the last 3. */
    ASSORTMENT_SHRINKING("recentGroups", "baselineGroups", "droppedGroups"),
    /** The client's debt grew fast over the last days, and part of it is overdue. */
    DEBT_GROWING("balance", "balanceBefore", "growthPercent", "overdue", "days"),
    /** A client's last contact is older than its contact cadence (the activities' overdue contacts). */
    NO_CONTACT("daysOverdue", "lastContactDate", "cadenceDays"),
    /**
     * Retired: "no order for N days", the stand-in for NO_CONTACT before activities existed. No rule
     * raises it; the warnings raised before are closed and keep it, so that their history reads as it was.
     */
    NO_RECENT_ORDER(false, "daysWithoutOrder", "lastOrderDate");

    private final boolean raised;
    private final List<String> textFigures;

    WarningKind(String... textFigures) {
        this(true, textFigures);
    }

    WarningKind(boolean raised, String... textFigures) {
        this.raised = raised;
        this.textFigures = List.of(textFigures);
    }

    /** The kinds a rule raises today, for the filters; a retired kind only names old, closed warnings. */
    public static List<WarningKind> raised() {
        return Arrays.stream(values()).filter(kind -> kind.raised).toList();
    }

    /** The evidence's keys whose values are the arguments of the kind's text. */
    public List<String> textFigures() {
        return textFigures;
    }

    /** The key of the kind's one-line text in the message bundles. */
    public String textKey() {
        return "keyaccounts.warning.text." + name();
    }
}

package org.clientela.keyaccounts;

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
    /** A client that was ordering has not ordered for a while. */
    NO_RECENT_ORDER("daysWithoutOrder", "lastOrderDate");

    private final List<String> textFigures;

    WarningKind(String... textFigures) {
        this.textFigures = List.of(textFigures);
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

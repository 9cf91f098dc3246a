package org.clientela.keyaccounts.internal;

import java.time.YearMonth;

import org.clientela.keyaccounts.Measure;
import org.clientela.keyaccounts.Thresholds;

/** What an analysis is asked for, checked: a period of whole months, the measure, the thresholds. */
public record AbcXyzQuery(YearMonth from, YearMonth to, Measure measure, Thresholds thresholds) {

    public int months() {
        return AbcXyzAnalyses.months(from, to);
    }
}

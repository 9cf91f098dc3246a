package org.clientela.activities;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Where a company stands, for the default of its contact cadence (A2): answered by the module that
 * knows key accounts and the ABC classes (activities may not depend on it; it depends on activities).
 */
public interface CadenceStanding {

    /** The standing with its default cadence: the better the client, the more often it is contacted. */
    enum Standing {
        /** A key account: weekly. */
        KEY(7),
        /** Class A by revenue of the last 12 whole months: every two weeks. */
        A(14),
        /** Class B: monthly. */
        B(30),
        /** Class C: quarterly. */
        C(90),
        /** No class, no sales in the last 12 whole months (a prospect, a new or a silent client): quarterly. */
        NONE(90);

        private final int defaultDays;

        Standing(int defaultDays) {
            this.defaultDays = defaultDays;
        }

        public int defaultDays() {
            return defaultDays;
        }
    }

    /**
     * The standing of each of {@code companies} ({@code null} for all of the department's) on
     * {@code day}; a company missing from the answer has none ({@link Standing#NONE}).
     */
    Map<UUID, Standing> standings(Collection<UUID> companies, LocalDate day);
}

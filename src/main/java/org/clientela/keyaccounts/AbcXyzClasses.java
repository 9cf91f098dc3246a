package org.clientela.keyaccounts;

import java.time.YearMonth;

/**
 * The ABC/XYZ classes of the whole department's clients, whoever asks (a daily rule, a report):
 * the key-account rule reads here which clients were A in two periods running.
 */
public interface AbcXyzClasses {

    /**
     * The clients with sales facts from {@code from} to {@code to} (whole months), classified with
     * the configured thresholds, each with its class in the as long period just before.
     *
     * @throws org.clientela.shared.InvalidInputException for a period that ends before it starts or
     *                                                    is longer than 36 months
     */
    AbcXyzAnalysis classify(YearMonth from, YearMonth to, Measure measure);

    /**
     * The same analysis of the clients the current user may see (a manager's own, a head's team's)
     * with the configured thresholds, for the period alone (no class of the period before): for a
     * report beside other things, which wants the classes and the matrix.
     *
     * @throws org.springframework.security.access.AccessDeniedException for the margin, to one who
     *                                                                    may not see margins
     */
    AbcXyzAnalysis classifyVisible(YearMonth from, YearMonth to, Measure measure);
}

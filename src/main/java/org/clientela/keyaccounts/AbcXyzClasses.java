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
}

package org.clientela.receivables.collection;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** A date as Russian texts write it, for the tests' expected texts. */
final class Dates {

    private static final DateTimeFormatter RUSSIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Dates() {
    }

    static String russian(LocalDate date) {
        return date.format(RUSSIAN);
    }
}

package org.clientela.clients.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far an import has got, for a progress bar: a file is read twice, once to check every row
 * and once to write them, so each row counts twice.
 */
public final class ImportProgress {

    private final AtomicInteger checked = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();
    private volatile int rows;

    public ImportProgress(int expectedRows) {
        this.rows = expectedRows;
    }

    void checked(int count) {
        checked.set(count);
    }

    void written(int count) {
        written.set(count);
    }

    void rows(int count) {
        rows = count;
    }

    /** 0–100. */
    public int percent() {
        int total = rows;
        if (total <= 0) {
            return 0;
        }
        return (int) Math.min(100, (checked.get() + (long) written.get()) * 100 / (2L * total));
    }

    public int rowsWritten() {
        return written.get();
    }
}

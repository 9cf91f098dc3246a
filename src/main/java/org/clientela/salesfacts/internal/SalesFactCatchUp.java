package org.clientela.salesfacts.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One thread that applies the pending changes ({@link SalesFactTable#recomputePending}),
 * a batch per transaction, when a change commits on this server (at most ten times a second), and
 * once a second besides:
 * for what a crash left pending, and for what another server noted while its own catch-up was
 * stopped. Changes that commit while a batch is recomputed wait for the next batch, so the busier
 * the orders, the more changes share a batch's statements.
 */
@Component
class SalesFactCatchUp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SalesFactCatchUp.class);
    /** Changes per transaction: a few hundred milliseconds of work at most, under few locks at a time. */
    private static final int BATCH = 1000;
    private static final long IDLE_MILLIS = 1000;
    private static final long BATCH_INTERVAL_MILLIS = 100;

    private final SalesFactTable facts;
    private final Semaphore woken = new Semaphore(0);
    private volatile Thread worker;

    SalesFactCatchUp(SalesFactTable facts) {
        this.facts = facts;
    }

    /** A change committed: its month is pending. */
    void wake() {
        woken.release();
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "sales-facts-catch-up");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void run() {
        while (worker == Thread.currentThread()) {
            try {
                // every change woken for until now is committed: the batches below take it
                woken.drainPermits();
                long started = System.nanoTime();
                while (facts.recomputePending(BATCH) == BATCH) {
                    woken.drainPermits();
                }
                woken.tryAcquire(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                // at most one batch in BATCH_INTERVAL_MILLIS: the changes of that time share one,
                // where a batch taken at each wake-up held about ten of 8 clients' confirmations and
                // most of its work was the same whatever their number
                long pause = BATCH_INTERVAL_MILLIS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the batch rolled back whole and stays pending: taken again after the pause
                log.warn("Recomputing the pending sales facts failed; trying again in a second", e);
                try {
                    Thread.sleep(IDLE_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}

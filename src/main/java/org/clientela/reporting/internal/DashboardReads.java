package org.clientela.reporting.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

/**
 * The threads on which a dashboard or a meeting brief reads its parts side by side, each carrying the security
 * context of the request that started it (who the user is decides what each part shows).
 */
@Component
class DashboardReads implements DisposableBean {

    /**
     * A dashboard has eight parts, a meeting brief seven: one page reads all of them at once; a
     * second one waits for free threads.
     */
    private static final int THREADS = 8;

    private final ExecutorService threads;

    DashboardReads() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory named = task -> {
            Thread thread = new Thread(task, "dashboard-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(THREADS, named));
    }

    /** Starts reading one part; {@link Part#join()} answers it or throws what reading it threw. */
    <T> Part<T> start(Supplier<T> read) {
        return new Part<>(CompletableFuture.supplyAsync(read, threads));
    }

    record Part<T>(CompletableFuture<T> future) {

        T join() {
            try {
                return future.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw failed;
            }
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}

package dev.strata.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one action on many threads released at the same moment, for concurrency tests. */
public final class Race {

    private Race() {
    }

    /** Runs {@code action} on {@code threads} threads released at once; returns every outcome. */
    public static List<Outcome> of(int threads, Callable<?> action) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<?> future : futures) {
            try {
                outcomes.add(new Outcome(future.get(), null));
            } catch (ExecutionException e) {
                outcomes.add(new Outcome(null, e.getCause()));
            }
        }
        return outcomes;
    }

    /** What one racing call ended with: its result, or the error it threw. */
    public record Outcome(Object result, Throwable error) {

        public boolean succeeded() {
            return error == null;
        }
    }
}

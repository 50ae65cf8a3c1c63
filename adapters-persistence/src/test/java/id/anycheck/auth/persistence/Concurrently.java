package id.anycheck.auth.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs calls on one thread each, released together by a start gate, to provoke races. */
final class Concurrently {

    private static final int WAIT_SECONDS = 30;

    private Concurrently() {
    }

    /** Runs every call at once and returns their results in the order of {@code calls}. */
    static <T> List<T> run(List<Callable<T>> calls) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(calls.size());
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch startGate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    if (!startGate.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("start gate was not opened within " + WAIT_SECONDS + " s");
                    }
                    return call.call();
                }));
            }
            if (!ready.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not all callers were ready within " + WAIT_SECONDS + " s");
            }
            startGate.countDown();

            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}

package org.dclust.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The contended mode of {@code dclust bench}: {@code threads} busy threads that keep as many cores
 * occupied while the benchmark runs, as another process on a user's laptop, a CI runner or a Spark
 * executor would. libtorch's OpenMP workers that spin while waiting for a core that is taken slow a
 * run down many times (issue 14: 6x measured); this mode keeps that measured.
 */
final class BusyLoad implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    /** Written so the busy loop cannot be optimised away. */
    private volatile double sink;

    BusyLoad(int count) {
        for (int t = 0; t < count; t++) {
            Thread thread = new Thread(this::spin, "dclust-bench-load-" + t);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void spin() {
        double x = 1;
        while (running) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 1.0000001 + 1e-9;
            }
            sink = x;
        }
    }

    /** The number of busy threads. */
    int count() {
        return threads.size();
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

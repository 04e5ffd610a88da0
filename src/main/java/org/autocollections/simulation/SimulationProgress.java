package org.autocollections.simulation;

import java.util.concurrent.atomic.AtomicLong;

/** Live figures of the simulation this process is running: cases done, rate and time left. */
final class SimulationProgress {

    private final long startedNanos = System.nanoTime();
    final AtomicLong done = new AtomicLong();
    volatile long total = -1;

    /** Cases per second since the simulation started here. */
    double rate() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return seconds <= 0 ? 0 : done.get() / seconds;
    }

    /** Seconds left at the current rate, or null while not known. */
    Long etaSeconds() {
        double rate = rate();
        return total < 0 || rate <= 0 ? null : (long) Math.ceil(Math.max(0, total - done.get()) / rate);
    }
}

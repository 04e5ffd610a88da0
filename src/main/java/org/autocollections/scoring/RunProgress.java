package org.autocollections.scoring;

import java.util.concurrent.atomic.AtomicLong;

/** Live figures of the shard this process is scoring, for the progress bar and the run's status. */
public final class RunProgress {

    private final long startedNanos = System.nanoTime();
    final AtomicLong done = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    volatile long total = -1;
    volatile long doneBefore;
    volatile String runId;
    /** Told of every committed chunk (the service's metrics). */
    volatile Listener listener;

    /** Told of the cases of each committed chunk, decided and failed. */
    interface Listener {
        void committed(long decided, long failed);
    }

    /** A chunk committed: its cases count as done, and the listener is told. */
    void committed(long cases, long failedCases) {
        done.addAndGet(cases);
        failed.addAndGet(failedCases);
        Listener l = listener;
        if (l != null) {
            l.committed(cases - failedCases, failedCases);
        }
    }

    /** Share of the shard done, 0 to 1; 0 while the total is not known. */
    public double ratio() {
        long t = total;
        return t <= 0 ? 0 : Math.min(1.0, (double) done() / t);
    }

    public String runId() {
        return runId;
    }

    /** Cases with a committed outcome, including those committed before a resume. */
    public long done() {
        return doneBefore + done.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Cases in the shard, or -1 while not known. */
    public long total() {
        return total;
    }

    /** Cases per second committed by this process. */
    public double rate() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return seconds <= 0 ? 0 : done.get() / seconds;
    }

    /** Seconds left at the current rate, or -1 while not known. */
    public long etaSeconds() {
        double rate = rate();
        return total < 0 || rate <= 0 ? -1 : Math.max(0, (long) ((total - done()) / rate));
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}

package org.autocollections.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.autocollections.portfolio.ImportProgress;

/**
 * Progress of a long import on stderr: on a terminal, one line redrawn four times a second; otherwise (a log file,
 * a pipe) a plain line every ten seconds. Nothing is shown for an import that ends within the first second.
 */
final class ProgressLine {

    private final PrintWriter err;
    private final ImportProgress progress;
    private final AtomicLong bytes;
    private final long size;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final Thread thread;
    private volatile boolean drawn;

    private ProgressLine(PrintWriter err, ImportProgress progress, AtomicLong bytes, long size, boolean terminal) {
        this.err = err;
        this.progress = progress;
        this.bytes = bytes;
        this.size = size;
        this.terminal = terminal;
        this.thread = new Thread(this::loop, "import-progress");
        this.thread.setDaemon(true);
    }

    static ProgressLine start(PrintWriter err, ImportProgress progress, AtomicLong bytes, long size) {
        ProgressLine line = new ProgressLine(err, progress, bytes, size, System.console() != null);
        line.thread.start();
        return line;
    }

    private void loop() {
        long period = terminal ? 250 : 10_000;
        try {
            Thread.sleep(terminal ? 1000 : period);
            while (!Thread.currentThread().isInterrupted()) {
                print(false);
                Thread.sleep(period);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the line; a finished import that showed progress gets its last figures. */
    void stop(boolean finished) {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drawn && finished) {
            print(true);
        } else if (drawn && terminal) {
            synchronized (err) {
                err.println();
                err.flush();
            }
        }
    }

    private void print(boolean last) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        long read = progress.read();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "import: %,d cases read", read));
        if (progress.failed() > 0) {
            text.append(String.format(Locale.ROOT, " (%,d refused)", progress.failed()));
        }
        text.append(String.format(Locale.ROOT, ", %,d stored, %,.0f cases/s", progress.stored(), read / seconds));
        if (size > 0) {
            text.append(String.format(Locale.ROOT, ", %d%% of %,d MB", Math.min(100, bytes.get() * 100 / size),
                    Math.max(1, size / 1_000_000)));
        }
        text.append(String.format(Locale.ROOT, ", %s", elapsed(seconds)));
        synchronized (err) {
            if (terminal) {
                err.print("\r" + text + "   ");
                if (last) {
                    err.println();
                }
            } else {
                err.println(text);
            }
            err.flush();
        }
        drawn = true;
    }

    private static String elapsed(double seconds) {
        long s = (long) seconds;
        return s < 60 ? s + " s" : TimeUnit.SECONDS.toMinutes(s) + " min " + (s % 60) + " s";
    }
}

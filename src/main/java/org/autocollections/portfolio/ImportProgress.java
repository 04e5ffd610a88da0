package org.autocollections.portfolio;

import java.util.concurrent.atomic.AtomicLong;

/** Counters an import updates as it goes, for a progress line to read from another thread. */
public final class ImportProgress {

    final AtomicLong read = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong stored = new AtomicLong();

    /** Lines and rows read so far (cases, good or bad). */
    public long read() {
        return read.get();
    }

    /** Lines refused so far. */
    public long failed() {
        return failed.get();
    }

    /** Cases committed to the database so far (created, updated or unchanged). */
    public long stored() {
        return stored.get();
    }
}

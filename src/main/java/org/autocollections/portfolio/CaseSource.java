package org.autocollections.portfolio;

import java.io.Closeable;
import java.io.IOException;

/** A portfolio file read one case at a time: the file is never held in memory whole. */
public interface CaseSource extends Closeable {

    /** The next case, or null at the end of the file. */
    CaseLine next() throws IOException;

    /**
     * Whether the source stopped before the end of the file because the rest cannot be read (a CSV quote left open,
     * for instance). The line that says so is the last one returned.
     */
    default boolean stoppedEarly() {
        return false;
    }
}

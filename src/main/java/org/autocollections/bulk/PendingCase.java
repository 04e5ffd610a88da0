package org.autocollections.bulk;

import org.autocollections.api.CollectionCase;

/**
 * A case read but not yet made into a request: turning the stored JSON or the file's line into a checked
 * {@link CollectionCase} is left to the worker threads, so that it runs on all cores.
 */
public interface PendingCase {

    /** The case id, when the input names one (a line that cannot be read may not). */
    String caseId();

    /** The line of the file, or 0 for a stored case. */
    long line();

    /** The case as a decision request; throws {@link org.autocollections.api.InvalidRequestException} if it is not one. */
    CollectionCase resolve();
}

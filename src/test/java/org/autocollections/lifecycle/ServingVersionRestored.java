package org.autocollections.lifecycle;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Remembers the version serving before each test and puts it back after, so that test classes sharing the service
 * find the shipped policy whatever a test activated.
 */
final class ServingVersionRestored implements BeforeEachCallback, AfterEachCallback {

    private String before;

    @Override
    public void beforeEach(ExtensionContext context) {
        before = PolicyEdits.activeVersion();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        PolicyEdits.rollBackTo(before);
    }

    /** The version that served when the test began. */
    String version() {
        return before;
    }
}

package org.autocollections.signin;

import java.time.Duration;

/** Too many failed sign-ins lately for this subject or from this address: the next try waits. */
public class SignInThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; try again in " + Math.max(1, retryAfter.toMinutes()) + " minutes", null,
                false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

package org.autocollections.api;

public enum ContactOutcome {
    NO_ANSWER, CONTACTED, PROMISE_TO_PAY, REFUSED, WRONG_NUMBER
}

package org.autocollections.outcomes;

/** What the report compares between arms, and how each difference's interval is found. */
public enum Measure {
    CURE_RATE(Method.NEWCOMBE), ROLL_FORWARD_RATE(Method.NEWCOMBE), PROMISE_KEPT_RATE(Method.NEWCOMBE),
    RIGHT_PARTY_CONTACT_RATE(Method.NEWCOMBE), COLLECTED_SHARE(Method.BOOTSTRAP), CONTACTS_PER_CASE(Method.BOOTSTRAP);

    public enum Method {
        /** Newcombe's hybrid score interval for a difference of two proportions. */
        NEWCOMBE,
        /** A percentile bootstrap over cases, seeded, for skewed amounts and counts. */
        BOOTSTRAP
    }

    private final Method method;

    Measure(Method method) {
        this.method = method;
    }

    public Method method() {
        return method;
    }
}

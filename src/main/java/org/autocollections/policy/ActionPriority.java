package org.autocollections.policy;

/** How urgent the next action is: 1 most urgent, 5 least. */
public final class ActionPriority {

    private final int value;

    public ActionPriority(int value) {
        if (value < 1 || value > 5) {
            throw new IllegalArgumentException("priority must be 1-5, was " + value);
        }
        this.value = value;
    }

    public int getValue() {
        return value;
    }
}

package org.autocollections.portfolio;

import org.autocollections.api.ContactChannel;

/**
 * The action taken on a case at the decision, as far as the simulated weeks after it depend on it: the channel the
 * collectors try first. The cure probabilities each gives are in docs/portfolio-generator.md.
 */
public enum FollowUpStrategy {
    /** Calls first, as the shipped policy does from M2. */
    PHONE_FIRST(ContactChannel.PHONE, new double[] { 0.30, 0.18, 0.10, 0.04 }),
    /** Text messages first: in M1 it cures 4 points more than calling first (the known true effect); later, the same. */
    SMS_FIRST(ContactChannel.SMS, new double[] { 0.34, 0.18, 0.10, 0.04 });

    private final ContactChannel firstChannel;
    /** Probability of curing within the window, by bucket at the decision: M1, M2, M3, M4 and later. */
    private final double[] cure;

    FollowUpStrategy(ContactChannel firstChannel, double[] cure) {
        this.firstChannel = firstChannel;
        this.cure = cure;
    }

    public ContactChannel firstChannel() {
        return firstChannel;
    }

    /** The chance a case this many days past due at the decision is back to M0 by the window's end. */
    public double cureProbability(int daysPastDue) {
        return cure[Math.min(cure.length - 1, Math.max(0, (daysPastDue - 1) / 30))];
    }
}

package org.autocollections.api;

/**
 * What came of a contact attempt. DELIVERED is for a message or letter known to have reached the borrower (a delivery
 * receipt, a letter signed for) with no answer yet; an answer is CONTACTED, PROMISE_TO_PAY or REFUSED.
 */
public enum ContactOutcome {
    NO_ANSWER, CONTACTED, PROMISE_TO_PAY, REFUSED, WRONG_NUMBER, DELIVERED
}

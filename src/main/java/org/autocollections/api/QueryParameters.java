package org.autocollections.api;

import java.math.BigInteger;

/**
 * Whole-number query parameters read as text, so that {@code ?limit=abc} or {@code ?offset=99999999999999999999} is a
 * 400 naming the parameter, where the HTTP layer would answer a bare 404 for a parameter it cannot convert.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The parameter's value, or {@code absent} when it is missing or empty. */
    public static Integer whole(String name, String value, Integer absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        BigInteger number;
        try {
            number = new BigInteger(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, Message.of("field.whole-number"));
        }
        if (number.bitLength() > 31) {
            throw new InvalidRequestException(name, Message.of("field.whole-number-between", Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        return number.intValue();
    }

    /** The {@code limit} query parameter of a list: a whole number from 1 to {@code max}, or {@code absent}. */
    public static int limit(String value, int absent, int max) {
        int limit = whole("limit", value, absent);
        if (limit < 1 || limit > max) {
            throw new InvalidRequestException("limit", Message.of("field.between", 1, max));
        }
        return limit;
    }
}

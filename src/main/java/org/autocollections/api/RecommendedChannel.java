package org.autocollections.api;

public enum RecommendedChannel {
    NONE, SMS, EMAIL, PHONE, FIELD_VISIT, LETTER
}

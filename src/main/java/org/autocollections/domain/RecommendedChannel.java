package org.autocollections.domain;

public enum RecommendedChannel {
    NONE, SMS, EMAIL, PHONE, FIELD_VISIT, LETTER
}

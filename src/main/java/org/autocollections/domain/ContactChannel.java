package org.autocollections.domain;

public enum ContactChannel {
    PHONE, SMS, EMAIL, FIELD_VISIT, LETTER
}

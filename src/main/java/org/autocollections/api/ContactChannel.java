package org.autocollections.api;

public enum ContactChannel {
    PHONE, SMS, EMAIL, FIELD_VISIT, LETTER
}

package org.autocollections.api;

public enum Hardship {
    NONE, UNEMPLOYMENT, ILLNESS, FAMILY_EVENT, BUSINESS_FAILURE, DISASTER, OTHER
}

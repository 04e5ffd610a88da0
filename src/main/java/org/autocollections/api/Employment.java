package org.autocollections.api;

public enum Employment {
    EMPLOYED, SELF_EMPLOYED, UNEMPLOYED, RETIRED, UNKNOWN
}

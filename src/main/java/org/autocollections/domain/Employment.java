package org.autocollections.domain;

public enum Employment {
    EMPLOYED, SELF_EMPLOYED, UNEMPLOYED, RETIRED, UNKNOWN
}

package org.autocollections.api;

public enum Classification {
    NORMAL, SPECIAL_MENTION, SUBSTANDARD, DOUBTFUL, LOSS
}

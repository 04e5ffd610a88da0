package org.autocollections.domain;

public enum Classification {
    NORMAL, SPECIAL_MENTION, SUBSTANDARD, DOUBTFUL, LOSS
}

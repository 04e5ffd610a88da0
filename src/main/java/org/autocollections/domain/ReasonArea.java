package org.autocollections.domain;

public enum ReasonArea {
    OVERDUE, CONTACT, FREQUENCY, PLAN, LEGAL, RISK, ACTION
}

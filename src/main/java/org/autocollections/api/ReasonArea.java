package org.autocollections.api;

public enum ReasonArea {
    OVERDUE, CONTACT, FREQUENCY, PLAN, LEGAL, RISK, ACTION
}

package org.autocollections.domain;

public enum PlanStatus {
    ACTIVE, BROKEN, COMPLETED
}

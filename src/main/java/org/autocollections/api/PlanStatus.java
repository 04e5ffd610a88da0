package org.autocollections.api;

public enum PlanStatus {
    ACTIVE, BROKEN, COMPLETED
}

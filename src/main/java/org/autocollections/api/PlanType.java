package org.autocollections.api;

public enum PlanType {
    EXTENSION, CATCH_UP, RESTRUCTURE, SETTLEMENT
}

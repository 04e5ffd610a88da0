package org.autocollections.domain;

public enum PlanType {
    EXTENSION, CATCH_UP, RESTRUCTURE, SETTLEMENT
}

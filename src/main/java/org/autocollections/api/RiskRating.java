package org.autocollections.api;

public enum RiskRating {
    LOW, MEDIUM, HIGH, VERY_HIGH, CRITICAL
}

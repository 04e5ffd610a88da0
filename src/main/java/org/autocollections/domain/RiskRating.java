package org.autocollections.domain;

public enum RiskRating {
    LOW, MEDIUM, HIGH, VERY_HIGH, CRITICAL
}

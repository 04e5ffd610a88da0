package org.autocollections.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

public record PlanRecord(@NotNull PlanType type, @NotNull LocalDate startedOn, @NotNull PlanStatus status) {
}

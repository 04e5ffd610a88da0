package org.autocollections.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record LegalActionRecord(
        @Schema(description = "The step taken; JUDGMENT records a court judgment obtained.", required = true) @NotNull LegalStage stage,
        @Schema(example = "2026-11-01", required = true) @NotNull LocalDate on) {
}

package org.autocollections.api;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One overdue car loan as the servicing system sees it at {@code asOf}: the request of every decision.
 */
@Schema(description = "A collection case: the borrower, the loan, its collateral and what has happened so far.")
public record CollectionCase(
        @Schema(description = "The servicer's case identifier.", example = "CASE-1", maxLength = 64, required = true)
        @NotBlank @Size(max = 64) String caseId,
        @Schema(description = "The instant to decide at; defaults to the service clock.", example = "2026-11-29T10:00:00+08:00")
        OffsetDateTime asOf,
        @Schema(description = "Whose collection conduct rules apply.", defaultValue = "CN")
        Jurisdiction jurisdiction,
        @NotNull @Valid Borrower borrower,
        @NotNull @Valid Loan loan,
        @Valid Collateral collateral,
        @Valid History history) {

    public Jurisdiction jurisdictionOrDefault() {
        return jurisdiction == null ? Jurisdiction.CN : jurisdiction;
    }

    public History historyOrEmpty() {
        return history == null ? History.EMPTY : history;
    }
}

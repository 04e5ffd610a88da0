package org.autocollections.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the collectors did and what the borrower did, as far as the policy needs it. */
public record History(
        @Schema(description = "Contact attempts, any order.")
        @Size(max = 5000) List<@NotNull @Valid ContactAttempt> contacts,
        @Schema(description = "Promises to pay that were not kept.", example = "0")
        @Min(0) @Max(1000) Integer brokenPromises,
        @Size(max = 500) List<@NotNull @Valid PlanRecord> plans,
        @Size(max = 500) List<@NotNull @Valid LegalActionRecord> legalActions,
        @Schema(example = "2026-09-14") LocalDate lastPaymentOn) {

    public static final History EMPTY = new History(List.of(), 0, List.of(), List.of(), null);

    public List<ContactAttempt> contactsOrEmpty() {
        return contacts == null ? List.of() : contacts;
    }

    public List<PlanRecord> plansOrEmpty() {
        return plans == null ? List.of() : plans;
    }

    public List<LegalActionRecord> legalActionsOrEmpty() {
        return legalActions == null ? List.of() : legalActions;
    }

    public int brokenPromisesOrZero() {
        return brokenPromises == null ? 0 : brokenPromises;
    }
}

package org.autocollections.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.ContactPurpose;
import org.autocollections.api.LegalStage;
import org.autocollections.api.Money;
import org.autocollections.api.PlanStatus;
import org.autocollections.api.PlanType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a servicer logs on a stored case. Each carries the servicer's own id, so a retried call counts once. */
public final class LogRequests {

    private LogRequests() {
    }

    @Schema(name = "ContactLog")
    public record Contact(
            @Schema(description = "The servicer's id of this attempt; a retry with the same id counts once.", example = "CALL-0001")
            @NotBlank @Size(max = 64) String attemptId,
            @Schema(example = "2026-11-29T10:15:00+08:00") @NotNull OffsetDateTime at,
            @NotNull ContactChannel channel,
            @NotNull ContactOutcome outcome,
            @Schema(description = "Only for a notice sent after a cease-communication request: which one it was.")
            ContactPurpose purpose) {
    }

    @Schema(name = "LegalActionLog")
    public record Legal(@NotBlank @Size(max = 64) String actionId, @NotNull LegalStage stage, @NotNull LocalDate on) {
    }

    @Schema(name = "PlanLog")
    public record Plan(@NotBlank @Size(max = 64) String planId, @NotNull PlanType type, @NotNull LocalDate startedOn,
            @Schema(description = "Send the plan again with a new status as it changes.") @NotNull PlanStatus status) {
    }

    @Schema(name = "PromiseLog")
    public record Promise(@NotBlank @Size(max = 64) String promiseId, @NotNull OffsetDateTime madeAt, LocalDate dueOn,
            @Money BigDecimal amount,
            @Schema(description = "OPEN when made; KEPT or BROKEN once its day has passed.") @NotNull PromiseEntry.Status status) {
    }

    @Schema(name = "PaymentLog")
    public record Payment(@NotBlank @Size(max = 64) String paymentId, @NotNull LocalDate on, @NotNull @Money BigDecimal amount) {
    }
}

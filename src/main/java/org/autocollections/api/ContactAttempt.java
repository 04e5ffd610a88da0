package org.autocollections.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ContactAttempt(
        @Schema(example = "2026-11-20T10:15:00+08:00", required = true) @NotNull OffsetDateTime at,
        @Schema(required = true) @NotNull ContactChannel channel,
        @Schema(required = true, description = "DELIVERED: a message or letter known to have reached the borrower, "
                + "not answered; an answer is CONTACTED, PROMISE_TO_PAY or REFUSED.") @NotNull ContactOutcome outcome,
        @Schema(description = "Only for a notice sent after a cease-communication request: which of the three "
                + "permitted notices it was. Each is sent at most once.") ContactPurpose purpose) {

    /** An ordinary collection contact, with no cease-communication purpose. */
    public ContactAttempt(OffsetDateTime at, ContactChannel channel, ContactOutcome outcome) {
        this(at, channel, outcome, null);
    }
}

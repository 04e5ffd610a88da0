package org.autocollections.api;

import java.math.BigDecimal;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Borrower(
        @Schema(description = "The servicer's customer identifier; personal data, never logged.", example = "CUST-1")
        @Size(max = 64) String customerId,
        @Schema(description = "IANA time zone of the borrower; days past due and quiet hours are counted in it. "
                + "Defaults to Asia/Shanghai for CN; required for US.", example = "Asia/Shanghai")
        @Size(max = 64) String timeZone,
        @Schema(description = "Credit bureau score, 300-850.", example = "640")
        @Min(300) @Max(850) Integer creditScore,
        @Schema(description = "Verified monthly income.", example = "12000.00")
        @Money BigDecimal monthlyIncome,
        @Schema(description = "Other monthly debt service.", example = "2500.00")
        @Money BigDecimal monthlyDebtPayments,
        Employment employment,
        Hardship hardship,
        @Valid Consents consents,
        @Size(max = 16) Set<BorrowerFlag> flags) {

    public Hardship hardshipOrNone() {
        return hardship == null ? Hardship.NONE : hardship;
    }

    public Consents consentsOrDefault() {
        return consents == null ? Consents.ALL : consents;
    }

    public Set<BorrowerFlag> flagsOrEmpty() {
        return flags == null ? Set.of() : flags;
    }
}

package org.autocollections.api;

import java.math.BigDecimal;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
        @Size(max = 16) Set<@NotNull BorrowerFlag> flags,
        @Schema(description = "US only: the state whose statute of limitations applies to the loan, usually the "
                + "borrower's, as its two-letter postal code. Without it (or without a row for it in the policy) the "
                + "service does not know when a US debt becomes time-barred.", example = "NY")
        @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter US state code such as NY") String state) {

    /** A borrower without a US state, as before the field existed. */
    public Borrower(String customerId, String timeZone, Integer creditScore, BigDecimal monthlyIncome,
            BigDecimal monthlyDebtPayments, Employment employment, Hardship hardship, Consents consents,
            Set<BorrowerFlag> flags) {
        this(customerId, timeZone, creditScore, monthlyIncome, monthlyDebtPayments, employment, hardship, consents, flags,
                null);
    }

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

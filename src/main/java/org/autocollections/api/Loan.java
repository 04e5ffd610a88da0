package org.autocollections.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Loan(
        @Schema(example = "LN-2024-0001") @Size(max = 64) String loanId,
        @Schema(description = "ISO 4217 code.", example = "CNY", defaultValue = "CNY")
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency,
        @Schema(example = "86000.00", required = true) @NotNull @Money BigDecimal outstandingBalance,
        @Schema(description = "Past-due principal and interest; at most outstandingBalance.", example = "4300.00", required = true)
        @NotNull @Money BigDecimal overdueAmount,
        @Schema(description = "Contract rate as a fraction: 0.068 is 6.8 %.", example = "0.068")
        @DecimalMin("0") @DecimalMax("1") BigDecimal annualInterestRate,
        @Schema(example = "2150.00") @Money BigDecimal monthlyInstalment,
        @Schema(example = "40") @Min(0) @Max(600) Integer remainingTermMonths,
        @Schema(description = "Due date of the oldest unpaid instalment; null when the loan is current.", example = "2026-10-15")
        LocalDate oldestUnpaidDueDate,
        @Schema(description = "Whether the contract sends disputes to arbitration.", defaultValue = "false")
        Boolean arbitrationClause) {

    public boolean hasArbitrationClause() {
        return Boolean.TRUE.equals(arbitrationClause);
    }

    public String currencyOrDefault() {
        return currency == null ? "CNY" : currency;
    }
}

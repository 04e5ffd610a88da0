package org.autocollections.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Collateral(
        @Schema(description = "Current market value of the vehicle.", example = "70000.00") @Money BigDecimal vehicleValue,
        @Schema(example = "2026-09-30") LocalDate valuedOn,
        GpsTracking gpsTracking) {
}

package org.autocollections.simulation;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a simulation stands, and once it has ended, what it found. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SimulationStatus", description = "A simulation, its progress and, once ended, its report.")
public record SimulationStatus(
        String simulationId,
        Simulation.Status status,
        @Schema(description = "The ruleset version simulated.") String candidate,
        @Schema(description = "The ruleset version it is compared with (the active one when the simulation started, by default).") String baseline,
        Instant asOf,
        @Schema(description = "The sample size asked for; absent: every stored case.") Integer sample,
        @Schema(description = "Cases to decide; absent until counted.") Long total,
        @Schema(description = "Cases done: decided by both rulesets, or failed.") long done,
        long failed,
        long changed,
        Double percent,
        @Schema(description = "Cases per second, while it runs in the process answering.") Double casesPerSecond,
        @Schema(description = "Seconds left at that rate.") Long etaSeconds,
        String requestedBy,
        Instant createdAt,
        Instant finishedAt,
        Double durationSeconds,
        String error,
        @Schema(description = "Once completed (or cancelled: the cases done until then).") SimulationReport report) {

    static SimulationStatus of(Simulation s, SimulationProgress live, SimulationReport report) {
        Long total = s.total < 0 ? null : s.total;
        long done = live != null ? live.done.get() : s.done;
        Double percent = total == null ? null : total == 0 ? 100.0 : Math.min(100.0, Math.round(done * 1000.0 / total) / 10.0);
        boolean running = s.status == Simulation.Status.RUNNING && live != null;
        Double duration = s.finishedAt == null ? null : Duration.between(s.createdAt, s.finishedAt).toMillis() / 1000.0;
        return new SimulationStatus(s.simulationId, s.status, s.candidateVersion, s.baselineVersion, s.asOf,
                s.sampleSize, total, done, s.failed, s.changed, percent,
                running ? Math.round(live.rate() * 10) / 10.0 : null, running ? live.etaSeconds() : null,
                s.requestedBy, s.createdAt, s.finishedAt, duration, s.error, report);
    }
}

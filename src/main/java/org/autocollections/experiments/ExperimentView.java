package org.autocollections.experiments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An experiment as the API shows it: what was agreed, where it stands, and every step taken. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Experiment")
public record ExperimentView(long id, String name, ExperimentStatus status,
        @Schema(description = "The version active at the start; absent before.") String championVersion,
        List<Arm> arms, Segment segment, String createdBy, Instant createdAt, String approvedBy, Instant approvedAt,
        Instant startedAt, Instant stoppedAt, String note,
        @Schema(description = "Every step, oldest first.") List<Step> events) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExperimentArm")
    public record Arm(String arm, @Schema(description = "Absent for the champion before the start.") String version,
            @Schema(description = "Percent of the segment's cases.") BigDecimal share, int shareBasisPoints) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExperimentEvent")
    public record Step(ExperimentStatus from, ExperimentStatus to, String actor, Instant at, String note) {
    }

    static ExperimentView of(Experiment e, List<ExperimentArm> arms, List<ExperimentEvent> events) {
        return new ExperimentView(e.id, e.name, e.status, e.championVersion,
                arms.stream().map(a -> new Arm(a.arm, a.version, BigDecimal.valueOf(a.shareBasisPoints, 2),
                        a.shareBasisPoints)).toList(),
                e.segment(), e.createdBy, e.createdAt, e.approvedBy, e.approvedAt, e.startedAt, e.stoppedAt, e.note,
                events == null ? null : events.stream().map(v -> new Step(v.fromStatus, v.toStatus, v.actor, v.at, v.note)).toList());
    }
}

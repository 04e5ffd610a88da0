package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.lifecycle.Actor;
import org.autocollections.lifecycle.ApprovalWorkflow;
import org.autocollections.lifecycle.Draft;
import org.autocollections.lifecycle.Uploads;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.scoring.PortfolioRun;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether each risk band's probability of default held: the share of the band's cases in a run that were in default
 * at the end of the window after it, against the PD the rating-bands table gives the band. Where the band's PD lies
 * outside the observed rate's 95 % Wilson interval, the observed rate is offered as the band's new PD in a draft of
 * the risk-rating table, through the same lifecycle as an upload: validated, then approved and activated by people,
 * never by this.
 */
@ApplicationScoped
public class RiskBandCalibration {

    /**
     * A case is in default past 90 days past due: bucket M4 and beyond, where the policy's classification turns
     * substandard (non-performing) and where the Basel definition of default starts.
     */
    static final int DEFAULT_DAYS = 90;

    private static final double Z95 = StandardNormal.twoSided(0.95);

    @Inject
    RunOutcomes runOutcomes;

    @Inject
    ActiveRuleset active;

    @Inject
    ApprovalWorkflow workflow;

    @Schema(name = "RiskBandCalibration")
    public record Calibration(String runId, Instant runAsOf, String window, Instant asOf,
            @Schema(description = "Days past due beyond which a case counts as in default (M4 and beyond).")
            int defaultAfterDays, String rulesetVersion, List<Band> bands,
            @Schema(description = "The draft of the risk-rating table with the revised PDs; none when every band held "
                    + "or the table is a workbook.") Long draftId,
            @Schema(description = "Why no draft was made, when none was.") String noDraft) {
    }

    @Schema(name = "RiskBandCalibrationBand")
    public record Band(@Schema(example = "HIGH") String rating, BigDecimal pd, long observed, long defaulted,
            BigDecimal defaultRate, BigDecimal lower, BigDecimal upper,
            @Schema(description = "Whether the band's PD lies within the interval of the observed rate.") boolean holds,
            @Schema(description = "The PD the draft proposes: the observed rate; only for a band that did not hold.")
            BigDecimal suggestedPd) {
    }

    public Calibration calibrate(String runId, Period window, Instant asOf, Actor actor) {
        PortfolioRun run = runOutcomes.run(runId);
        var ruleset = active.current();
        var table = RatingBandsTable.in(ruleset.sourceFiles());
        Map<String, long[]> counts = new TreeMap<>();
        for (CaseOutcome o : runOutcomes.measured(run, window, asOf, RunGrouping.RATING)) {
            if (o.observed()) {
                long[] c = counts.computeIfAbsent(o.arm(), k -> new long[2]);
                c[0]++;
                c[1] += o.daysPastDueAtEnd() > DEFAULT_DAYS ? 1 : 0;
            }
        }
        Map<String, BigDecimal> pds = table.map(RatingBandsTable::probabilities).orElse(Map.of());
        List<Band> bands = new ArrayList<>();
        Map<String, BigDecimal> revisions = new LinkedHashMap<>();
        counts.forEach((rating, c) -> {
            Interval i = WilsonInterval.of(c[1], c[0], Z95);
            BigDecimal pd = pds.get(rating);
            boolean holds = pd == null || i.contains(pd.doubleValue());
            BigDecimal rate = ArmTally.rate(c[1], c[0]);
            if (!holds) {
                revisions.put(rating, rate);
            }
            bands.add(new Band(rating, pd, c[0], c[1], rate, places(i.lower()), places(i.upper()), holds,
                    holds ? null : rate));
        });
        Long draftId = null;
        String noDraft = null;
        if (table.isEmpty()) {
            noDraft = "the risk-rating table is not a CSV file with a Rating bands table: edit its PDs in the workbook";
        } else if (revisions.isEmpty()) {
            noDraft = "every band's PD lies within the interval of its observed default rate";
        } else {
            Draft draft = workflow.create(List.of(new Uploads.Upload(RatingBandsTable.FILE,
                    table.get().revised(revisions))), note(run, window, asOf, bands), actor, Draft.Origin.UPLOAD);
            draftId = draft.id;
        }
        return new Calibration(run.runId, run.asOf, window.toString(), asOf, DEFAULT_DAYS, ruleset.version(),
                List.copyOf(bands), draftId, noDraft);
    }

    /** What was observed, in the draft's note, for the approver who reads it. */
    private static String note(PortfolioRun run, Period window, Instant asOf, List<Band> bands) {
        StringBuilder note = new StringBuilder("PD calibration from run " + run.runId + " (as of " + run.asOf + "), "
                + window + " window, history as of " + asOf + ", default = over " + DEFAULT_DAYS + " days past due:");
        bands.stream().filter(b -> !b.holds()).forEach(b -> note.append(' ').append(b.rating()).append(' ')
                .append(b.defaulted()).append('/').append(b.observed()).append(" defaulted = ")
                .append(b.defaultRate().toPlainString()).append(" (95 % CI ").append(b.lower().toPlainString())
                .append('-').append(b.upper().toPlainString()).append("), PD ").append(b.pd().toPlainString())
                .append(" -> ").append(b.suggestedPd().toPlainString()).append(';'));
        return note.toString();
    }

    private static BigDecimal places(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }
}

package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.audit.DecisionLedger;
import org.autocollections.scoring.PortfolioRun;
import org.autocollections.scoring.RunSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * The roll rates of consecutive completed runs of the stored portfolio, oldest first, as one long series an analyst
 * can chart: each point is the share of one bucket's cases in the earlier run found in another bucket in the later.
 * The matrices are the ones each run's summary kept when it completed, so a trend never recounts and never drifts
 * from the summaries it is drawn from.
 */
@ApplicationScoped
public class RollRateTrend {

    @Inject
    ObjectMapper json;

    @Schema(name = "RollRatePoint")
    public record Point(String runId, Instant asOf, String previousRunId,
            @Schema(description = "The bucket in the previous run, or NEW.", example = "M1") String from,
            @Schema(description = "The bucket in this run, or NONE or GONE.", example = "M2") String to,
            @Schema(description = "Cases in the from bucket.") long cases,
            @Schema(description = "Of them, cases now in the to bucket.") long moved,
            @Schema(description = "moved over cases, four places.") BigDecimal rate) {
    }

    /** The points of the {@code runs} latest completed runs that had a previous run to roll from. */
    public List<Point> latest(int runs) {
        List<PortfolioRun> completed = DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> PortfolioRun
                .<PortfolioRun>find("status = ?1 and source = ?2 and previousRunId is not null and summary is not null",
                        Sort.descending("finishedAt", "runNumber"), PortfolioRun.Status.COMPLETED, PortfolioRun.Source.STORED)
                .page(0, runs).list()));
        List<Point> points = new ArrayList<>();
        completed.stream().sorted(Comparator.comparing((PortfolioRun r) -> r.finishedAt).thenComparing(r -> r.runNumber))
                .forEach(run -> {
                    RunSummary.RollRates roll = summary(run).rollRates();
                    if (roll != null) {
                        roll.rows().forEach(row -> row.to().forEach((to, moved) -> points.add(new Point(run.runId,
                                run.asOf, roll.previousRunId(), row.from(), to, row.cases(), moved, row.rates().get(to)))));
                    }
                });
        return points;
    }

    private RunSummary summary(PortfolioRun run) {
        try {
            return json.readValue(run.summary, RunSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The summary of run " + run.runId + " no longer reads", e);
        }
    }
}

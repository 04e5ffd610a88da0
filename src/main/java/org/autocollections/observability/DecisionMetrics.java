package org.autocollections.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.ruleset.Activation;
import org.autocollections.ruleset.ActivationListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The service's own Prometheus metrics (docs/operations.md). Every label takes a value from a small closed set (an
 * action type, a jurisdiction, an outcome, a ruleset version, a run in progress): never a case id, a decision id or
 * anything from the borrower.
 */
@ApplicationScoped
public class DecisionMetrics implements ActivationListener {

    public static final String DECIDED = "decided";
    public static final String FAILED = "failed";
    private static final String NONE = "none";

    @Inject
    MeterRegistry registry;

    private Timer latency;
    private DistributionSummary rulesFired;
    private Counter auditWriteFailures;
    private final Map<List<String>, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Counter> portfolioCases = new ConcurrentHashMap<>();

    /** The active ruleset's version and compile time; the version's gauge is replaced on each activation. */
    private final AtomicReference<Gauge> activeVersion = new AtomicReference<>();
    private volatile double compileSeconds = Double.NaN;

    @PostConstruct
    void register() {
        latency = Timer.builder("collections.decision")
                .description("Time the rule engine takes to decide one case")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        rulesFired = DistributionSummary.builder("collections.rules.fired")
                .description("Rules fired to decide one case")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(1000.0)
                .register(registry);
        auditWriteFailures = Counter.builder("collections.audit.write.failures")
                .description("Decisions withheld because their record could not be written (answered 503)")
                .register(registry);
        Gauge.builder("collections.ruleset.compile.seconds", () -> compileSeconds)
                .description("Compile time of the active ruleset")
                .register(registry);
    }

    /** Runs the engine on one case, timing it and counting the rules it fired; a failure is counted and rethrown. */
    public Decision time(CollectionCase request, Supplier<Decision> engine) {
        long start = System.nanoTime();
        try {
            Decision decision = engine.get();
            rulesFired.record(decision.rulesFired() == null ? 0 : decision.rulesFired().size());
            return decision;
        } catch (RuntimeException e) {
            failed(request);
            throw e;
        } finally {
            latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** A decision given to the caller (its record written). */
    public void decided(CollectionCase request, Decision decision) {
        String action = decision.nextAction() == null || decision.nextAction().type() == null ? NONE
                : decision.nextAction().type().name();
        decisions(action, jurisdiction(request), DECIDED).increment();
    }

    /** A decision not given: the engine failed, or its record could not be written. */
    public void failed(CollectionCase request) {
        decisions(NONE, jurisdiction(request), FAILED).increment();
    }

    /** The decision record could not be written, so the decision was withheld. */
    public void auditWriteFailed() {
        auditWriteFailures.increment();
    }

    /** A ruleset became active: its version's info gauge replaces the previous one. */
    @Override
    public void serving(Activation activation) {
        String version = activation.ruleset().version();
        compileSeconds = activation.ruleset().compileMillis() / 1000.0;
        Gauge next = Gauge.builder("collections.ruleset.active.info", () -> 1)
                .description("1 for the active ruleset version")
                .tag("version", version)
                .register(registry);
        Gauge previous = activeVersion.getAndSet(next);
        if (previous != null && previous != next) {
            registry.remove(previous);
        }
    }

    /** Cases of a portfolio run committed by this process. */
    public void portfolioCases(long decided, long failed) {
        if (decided > 0) {
            portfolioCases(DECIDED).increment(decided);
        }
        if (failed > 0) {
            portfolioCases(FAILED).increment(failed);
        }
    }

    /**
     * Shows a run's shard in progress in this process as a 0..1 ratio, until the returned handle is closed: only
     * runs being scored here are labelled, so the number of series stays that of the shards scored at once.
     */
    public AutoCloseable runInProgress(String runId, int shard, DoubleSupplier ratio) {
        Gauge gauge = Gauge.builder("collections.portfolio.run.progress.ratio", ratio, DoubleSupplier::getAsDouble)
                .strongReference(true)
                .description("Share of a portfolio run's shard committed, for shards being scored by this process")
                .tags(Tags.of("run_id", runId, "shard", Integer.toString(shard)))
                .register(registry);
        return () -> registry.remove(gauge);
    }

    private Counter decisions(String action, String jurisdiction, String outcome) {
        return decisions.computeIfAbsent(List.of(action, jurisdiction, outcome), k -> Counter
                .builder("collections.decisions")
                .description("Decisions asked of the service, by next action, jurisdiction and outcome")
                .tags("next_action", action, "jurisdiction", jurisdiction, "outcome", outcome)
                .register(registry));
    }

    private Counter portfolioCases(String outcome) {
        return portfolioCases.computeIfAbsent(outcome, k -> Counter.builder("collections.portfolio.cases")
                .description("Cases of portfolio runs committed by this process, by outcome")
                .tag("outcome", outcome)
                .register(registry));
    }

    private static String jurisdiction(CollectionCase request) {
        return request == null ? NONE : request.jurisdictionOrDefault().name();
    }
}

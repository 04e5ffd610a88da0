package org.autocollections.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.api.Language;
import org.autocollections.decisions.DecisionRouting;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.experiments.BenchRouting;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.tables.PolicyFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a running experiment adds to a decision: the portfolio mix of {@link DecisionBenchmark} decided by the champion
 * and routed as the service routes it ({@code RunningExperiments}), with
 * <ul>
 * <li>{@code none}: no experiment running;</li>
 * <li>{@code same}: one experiment over every case whose challenger is the champion's own version, so every case is
 * hashed to an arm and named in its decision but none is decided twice: the routing's own cost;</li>
 * <li>{@code challenger}: the same with a challenger of another version (M2 ends at day 44) taking
 * {@value #CHALLENGER_SHARE} basis points: its cases are decided again by the challenger, as they must be.</li>
 * </ul>
 * bench/experiment-routing.sh runs the three in alternating forks and prints the medians of the thread CPU a decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = BenchSupport.SERVICE_LOGGING)
@Threads(1)
public class ExperimentRoutingBenchmark {

    /** The challenger's share when it is another version: about the 10-20 % of cases a challenger usually takes. */
    static final int CHALLENGER_SHARE = 1_500;

    @Param({ "none", "same", "challenger" })
    public String routing;

    @Param({ "EXECUTABLE" })
    public RuleModel model;

    private DecisionEngine engine;
    private Ruleset champion;
    private DecisionRouting router;
    private CollectionCase[] portfolio;
    /** The champion's decision of each case of the portfolio, for {@link #route}. */
    private Decision[] decided;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() {
        List<PolicyFile> shipped = BenchSupport.shippedPolicy();
        champion = BenchSupport.compile(model, shipped);
        engine = BenchSupport.engine(model);
        router = switch (routing) {
            case "none" -> BenchRouting.none(engine);
            case "same" -> BenchRouting.oneRunning(engine, champion, champion, CHALLENGER_SHARE);
            case "challenger" -> BenchRouting.oneRunning(engine, champion, BenchSupport.compile(model, m2EndsAtDay44(shipped)),
                    CHALLENGER_SHARE);
            default -> throw new IllegalArgumentException("routing none, same or challenger, not " + routing);
        };
        Random seed = new Random(20261129L);
        portfolio = new CollectionCase[DecisionBenchmark.PORTFOLIO];
        decided = new Decision[DecisionBenchmark.PORTFOLIO];
        int challenged = 0;
        int differ = 0;
        for (int i = 0; i < portfolio.length; i++) {
            portfolio[i] = DecisionDigest.randomCase(seed, i);
            decided[i] = engine.decide(portfolio[i], champion, Language.EN);
            Decision routed = router.route(portfolio[i], decided[i], champion, Language.EN);
            if (routed.experiment() != null && !routed.experiment().arm().equals("champion")) {
                challenged++;
                differ += routed.rulesetVersion().equals(decided[i].rulesetVersion()) ? 0 : 1;
            }
        }
        System.out.println("[bench] routing " + routing + ": " + challenged + " of " + portfolio.length
                + " cases in the challenger's arm, " + differ + " decided by another version");
    }

    @Benchmark
    public Decision decide(CpuTime cpu, Cursor cursor) {
        cpu.calls++;
        CollectionCase next = portfolio[cursor.next];
        cursor.next = cursor.next + 1 == portfolio.length ? 0 : cursor.next + 1;
        return router.route(next, engine.decide(next, champion, Language.EN), champion, Language.EN);
    }

    /**
     * The routing alone, given the champion's decision: on a loaded machine the whole decision's cost varies by more
     * than the routing could add, so its part is also measured on its own (nanoseconds, warm in a second).
     */
    @Benchmark
    public Decision route(CpuTime cpu, Cursor cursor) {
        cpu.calls++;
        int i = cursor.next;
        cursor.next = i + 1 == portfolio.length ? 0 : i + 1;
        return router.route(portfolio[i], decided[i], champion, Language.EN);
    }

    /** The shipped policy with one threshold moved, as bench/simulation.sh's candidate: M2 ends at day 44. */
    static List<PolicyFile> m2EndsAtDay44(List<PolicyFile> shipped) {
        return shipped.stream().map(f -> !f.path().endsWith("overdue-buckets.drl.csv") ? f
                : new PolicyFile(f.path(), new String(f.content(), StandardCharsets.UTF_8)
                        .replace("\n31,60,M2", "\n31,44,M2").replace("\n61,90,M3", "\n45,90,M3")
                        .getBytes(StandardCharsets.UTF_8)))
                .toList();
    }
}

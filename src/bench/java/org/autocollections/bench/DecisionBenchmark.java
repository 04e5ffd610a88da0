package org.autocollections.bench;

import java.util.concurrent.TimeUnit;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
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
 * (a) In-process decisions per second on one thread: {@code DecisionEngine.decide(case, ruleset)} with the shipped
 * rules/ and decision-tables/, exactly as the HTTP resource calls it (fresh KieSession, explainer listeners, insert,
 * fireAllRules, conclusions, dispose), for each rule model and case variant; {@code portfolio} decides a thousand varied
 * cases in turn, the nearest to a portfolio run. With {@code -t 2} two threads share the engine and the ruleset, as
 * the portfolio run's two workers do. JSON parsing is not included; the HTTP
 * benchmark covers that. Ten 2 s warm-up iterations: the JIT needs about 15 s to settle on this code. Logging is set
 * up as in the service (see {@link BenchSupport#SERVICE_LOGGING}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = BenchSupport.SERVICE_LOGGING)
@Threads(1)
public class DecisionBenchmark {

    @Param({ "CLASSIC", "EXECUTABLE" })
    public RuleModel model;

    /** One of the cases in src/bench/resources/cases, or {@code portfolio}: {@value #PORTFOLIO} varied cases in turn. */
    @Param({ "current", "m1", "m2", "m5", "portfolio" })
    public String variant;

    /** Cases of the portfolio variant: DecisionDigest's seeded random cases, every bucket, flag and history shape. */
    static final int PORTFOLIO = 1000;

    private DecisionEngine engine;
    private Ruleset ruleset;
    private CollectionCase request;
    private CollectionCase[] portfolio;

    /** Where each benchmark thread is in the portfolio. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUp() {
        ruleset = BenchSupport.compile(model, BenchSupport.shippedPolicy());
        engine = BenchSupport.engine(model);
        if (variant.equals("portfolio")) {
            java.util.Random seed = new java.util.Random(20261129L);
            portfolio = new CollectionCase[PORTFOLIO];
            for (int i = 0; i < PORTFOLIO; i++) {
                portfolio[i] = DecisionDigest.randomCase(seed, i);
            }
            for (CollectionCase c : portfolio) {
                engine.decide(c, ruleset); // every case must decide
            }
            request = portfolio[0];
        } else {
            request = BenchSupport.readCase(variant);
        }
        Decision first = engine.decide(request, ruleset);
        BenchSupport.check(variant, first);
        System.out.println("[bench] " + model + " " + variant + ": ruleset " + ruleset.version() + " (" + ruleset.ruleCount()
                + " rules, compiled in " + ruleset.compileMillis() + " ms) -> " + BenchSupport.summary(first));
    }

    @Benchmark
    public Decision decide(CpuTime cpu, Cursor cursor) {
        cpu.calls++;
        if (portfolio != null) {
            CollectionCase next = portfolio[cursor.next];
            cursor.next = cursor.next + 1 == portfolio.length ? 0 : cursor.next + 1;
            return engine.decide(next, ruleset);
        }
        return engine.decide(request, ruleset);
    }
}

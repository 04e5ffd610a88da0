package org.autocollections.bench;

import java.util.concurrent.TimeUnit;

import org.autocollections.domain.CollectionCase;
import org.autocollections.domain.Decision;
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
 * fireAllRules, conclusions, dispose), for each rule model and case variant. JSON parsing is not included; the HTTP
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

    @Param({ "current", "m1", "m2", "m5" })
    public String variant;

    private DecisionEngine engine;
    private Ruleset ruleset;
    private CollectionCase request;

    @Setup(Level.Trial)
    public void setUp() {
        ruleset = BenchSupport.compile(model, BenchSupport.shippedPolicy());
        request = BenchSupport.readCase(variant);
        engine = BenchSupport.engine(model);
        Decision first = engine.decide(request, ruleset);
        BenchSupport.check(variant, first);
        System.out.println("[bench] " + model + " " + variant + ": ruleset " + ruleset.version() + " (" + ruleset.ruleCount()
                + " rules, compiled in " + ruleset.compileMillis() + " ms) -> " + BenchSupport.summary(first));
    }

    @Benchmark
    public Decision decide(CpuTime cpu) {
        cpu.calls++;
        return engine.decide(request, ruleset);
    }
}

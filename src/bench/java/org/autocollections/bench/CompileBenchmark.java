package org.autocollections.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.autocollections.tables.PolicyFile;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * (c) Ruleset compile time: {@code RulesetCompiler.compile} of the shipped files (already read into memory), as at
 * service start and at each reload.
 * <ul>
 * <li>{@code cold}: the first compile in a fresh JVM, nothing of Drools loaded or JIT-compiled yet; one shot per fork,
 * many forks. This is what service start pays.</li>
 * <li>{@code warm}: recompiles in a JVM that has already compiled the ruleset five times (a reload in a running
 * service); ten measured per fork, two forks.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {

    @Param({ "CLASSIC", "EXECUTABLE" })
    public RuleModel model;

    private List<PolicyFile> files;

    @Setup(Level.Trial)
    public void load() {
        files = BenchSupport.shippedPolicy();
    }

    @Benchmark
    @Fork(value = 6, jvmArgsAppend = BenchSupport.SERVICE_LOGGING)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Ruleset cold(CpuTime cpu) {
        cpu.calls++;
        return BenchSupport.compile(model, files);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = BenchSupport.SERVICE_LOGGING)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public Ruleset warm(CpuTime cpu) {
        cpu.calls++;
        return BenchSupport.compile(model, files);
    }
}

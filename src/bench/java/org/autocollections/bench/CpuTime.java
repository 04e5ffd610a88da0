package org.autocollections.bench;

import java.lang.management.ManagementFactory;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * CPU time spent per iteration, reported by JMH beside the wall-clock score: the whole benchmark JVM's CPU time
 * (benchmark thread plus garbage collector and JIT threads) and the benchmark thread's own. On a machine others
 * share, wall-clock throughput drops whenever another process takes a core; CPU time per operation does not, so
 * {@link Report} prints both. Benchmarks count their calls in {@link #calls}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Calls of the benchmark method in the iteration. */
    public long calls;
    /** CPU time of the whole JVM in the iteration, ns. */
    public long processCpuNanos;
    /** CPU time of the benchmark thread in the iteration, ns. */
    public long threadCpuNanos;

    private long processStart;
    private long threadStart;

    @Setup(Level.Iteration)
    public void start() {
        calls = 0;
        processCpuNanos = 0;
        threadCpuNanos = 0;
        processStart = OS.getProcessCpuTime();
        threadStart = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        processCpuNanos = OS.getProcessCpuTime() - processStart;
        threadCpuNanos = THREADS.getCurrentThreadCpuTime() - threadStart;
    }
}

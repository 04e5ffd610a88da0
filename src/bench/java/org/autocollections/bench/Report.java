package org.autocollections.bench;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints JMH JSON results (-rf json) of {@link DecisionBenchmark} and {@link CompileBenchmark} as the Markdown tables
 * of docs/benchmarks.md. Usage: {@code java -cp ... org.autocollections.bench.Report result.json...}
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> results = new ArrayList<>();
        for (String arg : args) {
            json.readTree(new File(arg)).forEach(results::add);
        }
        decisions(results);
        compile(results);
    }

    private static void decisions(List<JsonNode> results) {
        Map<String, Map<String, JsonNode>> byVariant = new LinkedHashMap<>();
        Set<String> models = new LinkedHashSet<>();
        for (JsonNode r : results) {
            if (r.path("benchmark").asText().endsWith("DecisionBenchmark.decide")) {
                String model = r.path("params").path("model").asText();
                models.add(model);
                int threads = r.path("threads").asInt(1);
                String variant = r.path("params").path("variant").asText() + (threads > 1 ? ", " + threads + " threads" : "");
                byVariant.computeIfAbsent(variant, v -> new LinkedHashMap<>()).put(model, r);
            }
        }
        if (byVariant.isEmpty()) {
            return;
        }
        System.out.println("Decisions (one thread unless the case says; JMH throughput of all threads, mean ± 99.9 % CI; CPU = CPU time of the whole benchmark JVM");
        System.out.println("incl. GC and JIT threads, and of the benchmark thread alone; alloc = bytes allocated per decision):");
        System.out.println();
        System.out.println("| case | model | decisions/s | µs/decision | CPU µs/decision (JVM) | CPU µs/decision (thread) | decisions per CPU-second | alloc KB/decision |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, Map<String, JsonNode>> e : byVariant.entrySet()) {
            for (String m : models) {
                JsonNode r = e.getValue().get(m);
                if (r == null) {
                    continue;
                }
                JsonNode p = r.path("primaryMetric");
                double score = p.path("score").asDouble();
                double cpu = perCall(r, "processCpuNanos") / 1e3;
                double thread = perCall(r, "threadCpuNanos") / 1e3;
                System.out.println("| " + e.getKey() + " | " + m + " | " + fmt("%,.0f ± %,.0f", score, err(p)) + " | "
                        + fmt("%,.0f", 1e6 / score) + " | " + num("%,.0f", cpu) + " | " + num("%,.0f", thread) + " | "
                        + num("%,.0f", cpu > 0 ? 1e6 / cpu : Double.NaN) + " | " + num("%,.0f", secondary(r, "gc.alloc.rate.norm") / 1024) + " |");
            }
        }
        System.out.println();
        if (models.size() == 2) {
            List<String> ms = new ArrayList<>(models);
            String a = ms.get(0);
            String b = ms.get(1);
            System.out.println("| case | " + b + " / " + a + " decisions/s | " + b + " / " + a + " decisions per CPU-second |");
            System.out.println("|---|---:|---:|");
            for (Map.Entry<String, Map<String, JsonNode>> e : byVariant.entrySet()) {
                JsonNode ra = e.getValue().get(a);
                JsonNode rb = e.getValue().get(b);
                if (ra == null || rb == null) {
                    continue;
                }
                double wall = rb.path("primaryMetric").path("score").asDouble() / ra.path("primaryMetric").path("score").asDouble();
                double cpu = perCall(ra, "processCpuNanos") / perCall(rb, "processCpuNanos");
                System.out.println("| " + e.getKey() + " | " + fmt("%.2f×", wall) + " | " + num("%.2f×", cpu) + " |");
            }
            System.out.println();
        }
    }

    private static void compile(List<JsonNode> results) {
        Map<String, Map<String, JsonNode>> byModel = new LinkedHashMap<>();
        for (JsonNode r : results) {
            String bench = r.path("benchmark").asText();
            if (bench.contains("CompileBenchmark.")) {
                byModel.computeIfAbsent(r.path("params").path("model").asText(), m -> new LinkedHashMap<>())
                        .put(bench.substring(bench.lastIndexOf('.') + 1), r);
            }
        }
        if (byModel.isEmpty()) {
            return;
        }
        System.out.println("Ruleset compile time (JMH single shot; wall ms, mean ± 99.9 % CI; CPU ms of the whole JVM; n = compiles):");
        System.out.println();
        System.out.println("| model | cold: first compile in a fresh JVM, ms | cold CPU ms | n | warm: recompile, ms | warm CPU ms | n |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, Map<String, JsonNode>> e : byModel.entrySet()) {
            JsonNode cold = e.getValue().get("cold");
            JsonNode warm = e.getValue().get("warm");
            System.out.println("| " + e.getKey() + " | " + shot(cold) + " | " + cpuMillis(cold) + " | " + count(cold)
                    + " | " + shot(warm) + " | " + cpuMillis(warm) + " | " + count(warm) + " |");
        }
        System.out.println();
    }

    private static String cpuMillis(JsonNode r) {
        return r == null ? "–" : num("%,.0f", perCall(r, "processCpuNanos") / 1e6);
    }

    /** A CpuTime counter divided by the calls counted beside it. */
    private static double perCall(JsonNode r, String counter) {
        double calls = secondary(r, "calls");
        return calls > 0 ? secondary(r, counter) / calls : Double.NaN;
    }

    private static double secondary(JsonNode r, String suffix) {
        var it = r.path("secondaryMetrics").fields();
        while (it.hasNext()) {
            var m = it.next();
            if (m.getKey().endsWith(suffix)) {
                return m.getValue().path("score").asDouble(Double.NaN);
            }
        }
        return Double.NaN;
    }

    private static String num(String format, double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : fmt(format, value);
    }

    private static String shot(JsonNode r) {
        if (r == null) {
            return "–";
        }
        JsonNode p = r.path("primaryMetric");
        return fmt("%,.0f ± %,.0f", p.path("score").asDouble(), err(p));
    }

    private static String count(JsonNode r) {
        if (r == null) {
            return "–";
        }
        int n = 0;
        for (JsonNode fork : r.path("primaryMetric").path("rawData")) {
            n += fork.size();
        }
        return Integer.toString(n);
    }

    private static double err(JsonNode primary) {
        double e = primary.path("scoreError").asDouble(Double.NaN);
        return Double.isNaN(e) ? 0 : e;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

package org.autocollections.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Compares Drools knowledge-base options on the portfolio mix in one JVM, the variants taking turns block by block, so
 * that whatever else the machine does falls on all of them alike (a JMH run per variant, minutes apart, on a shared
 * machine measures the neighbours as much as the option). Each variant is the shipped ruleset compiled with some
 * system properties set (Drools reads its knowledge-base options from them when the base is built); CPU time is the
 * deciding thread's own. Every variant must decide every case exactly as the first does, or the trial fails.
 *
 * <pre>
 * java -cp ... org.autocollections.bench.EngineOptionTrial EXECUTABLE 20 \
 *     default= range1=drools.alphaNodeRangeIndexThreshold:1
 * </pre>
 * Arguments: the rule model, the rounds (each decides the 1,000 portfolio cases once per variant), then each variant
 * as {@code name=property:value,property:value} (empty for Drools' defaults).
 */
public final class EngineOptionTrial {

    private EngineOptionTrial() {
    }

    public static void main(String[] args) throws Exception {
        RuleModel model = RuleModel.valueOf(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Map<String, Ruleset> variants = new LinkedHashMap<>();
        var files = BenchSupport.shippedPolicy();
        for (int i = 2; i < args.length; i++) {
            String[] named = args[i].split("=", 2);
            List<String> set = new ArrayList<>();
            for (String option : named[1].isEmpty() ? new String[0] : named[1].split(",")) {
                String[] kv = option.split(":", 2);
                System.setProperty(kv[0], kv[1]);
                set.add(kv[0]);
            }
            long started = System.nanoTime();
            variants.put(named[0], BenchSupport.compile(model, files));
            System.out.printf("%s compiled in %d ms%n", named[0], (System.nanoTime() - started) / 1_000_000);
            set.forEach(System::clearProperty);
        }
        DecisionEngine engine = BenchSupport.engine(model);
        Random seed = new Random(20261129L);
        CollectionCase[] cases = new CollectionCase[DecisionBenchmark.PORTFOLIO];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = DecisionDigest.randomCase(seed, i);
        }
        sameDecisions(engine, variants, cases);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, long[]> perRound = new LinkedHashMap<>();
        variants.keySet().forEach(name -> perRound.put(name, new long[rounds]));
        for (int round = -5; round < rounds; round++) { // five rounds of warm-up, not counted
            for (Map.Entry<String, Ruleset> variant : variants.entrySet()) {
                long before = threads.getCurrentThreadCpuTime();
                for (CollectionCase c : cases) {
                    engine.decide(c, variant.getValue());
                }
                long nanos = threads.getCurrentThreadCpuTime() - before;
                if (round >= 0) {
                    perRound.get(variant.getKey())[round] = nanos / cases.length;
                }
            }
        }
        String first = variants.keySet().iterator().next();
        double base = median(perRound.get(first));
        System.out.printf("%-12s %12s %12s %12s%n", "variant", "median us", "best us", "vs " + first);
        perRound.forEach((name, nanos) -> System.out.printf("%-12s %12.1f %12.1f %11.0f%%%n", name, median(nanos) / 1000.0,
                Arrays.stream(nanos).min().orElse(0) / 1000.0, 100.0 * median(nanos) / base));
    }

    private static void sameDecisions(DecisionEngine engine, Map<String, Ruleset> variants, CollectionCase[] cases)
            throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        for (CollectionCase c : cases) {
            String expected = null;
            for (Map.Entry<String, Ruleset> variant : variants.entrySet()) {
                Decision d = engine.decide(c, variant.getValue());
                String got = json.writeValueAsString(new Decision(d.caseId(), null, null, null, d.asOf(), d.overdue(), d.risk(),
                        d.contact(), d.repaymentPlan(), d.legal(), d.nextAction(), d.reasons(), d.rulesFired()));
                if (expected == null) {
                    expected = got;
                } else if (!expected.equals(got)) {
                    throw new IllegalStateException("Variant " + variant.getKey() + " decides case " + c.caseId()
                            + " differently:\n" + expected + "\n" + got);
                }
            }
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
    }
}

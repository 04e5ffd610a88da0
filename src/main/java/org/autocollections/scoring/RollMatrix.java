package org.autocollections.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts of cases from each bucket of the previous run to each bucket of this one, and the roll rates they give: for
 * each bucket then, the share of its cases in each bucket now, to four places, half-even.
 */
final class RollMatrix {

    /** Not in the previous run. */
    static final String NEW = "NEW";
    /** In the previous run, no longer stored. */
    static final String GONE = "GONE";
    /** A case without a bucket (its decision failed). */
    static final String NONE = "NONE";

    private final Map<String, Map<String, Long>> counts = new TreeMap<>(RollMatrix::bucketOrder);

    /** Adds cases that went from one bucket to another; the same pair may come more than once. */
    void add(String from, String to, long cases) {
        counts.computeIfAbsent(from, k -> new TreeMap<>(RollMatrix::bucketOrder)).merge(to, cases, Long::sum);
    }

    RunSummary.RollRates rates(String previousRunId) {
        TreeSet<String> buckets = new TreeSet<>(RollMatrix::bucketOrder);
        List<RunSummary.Row> rows = new ArrayList<>();
        counts.forEach((from, to) -> {
            buckets.add(from);
            buckets.addAll(to.keySet());
            long cases = to.values().stream().mapToLong(Long::longValue).sum();
            Map<String, BigDecimal> rates = new LinkedHashMap<>();
            to.forEach((k, v) -> rates.put(k, BigDecimal.valueOf(v).divide(BigDecimal.valueOf(cases), 4, RoundingMode.HALF_EVEN)));
            rows.add(new RunSummary.Row(from, cases, to, rates));
        });
        return new RunSummary.RollRates(previousRunId, List.copyOf(buckets), rows);
    }

    /** NEW first, then the buckets in their order (M0, M1 ... M7+), then NONE and GONE. */
    static int bucketOrder(String a, String b) {
        int byRank = Integer.compare(rank(a), rank(b));
        return byRank != 0 ? byRank : a.compareTo(b);
    }

    private static int rank(String bucket) {
        return switch (bucket) {
            case NEW -> 0;
            case NONE -> 2;
            case GONE -> 3;
            default -> 1;
        };
    }
}

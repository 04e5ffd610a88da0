package org.autocollections.experiments;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;

/**
 * The cases an experiment covers: overdue buckets, jurisdictions and risk ratings, each empty meaning "any". A case is
 * in the segment when the champion's decision puts it there (its bucket and rating) and its jurisdiction is listed.
 */
public record Segment(Set<String> buckets, Set<String> jurisdictions, Set<String> riskRatings) {

    public static final Segment EVERY_CASE = new Segment(Set.of(), Set.of(), Set.of());

    public Segment {
        buckets = Collections.unmodifiableSet(new TreeSet<>(buckets));
        jurisdictions = Collections.unmodifiableSet(new TreeSet<>(jurisdictions));
        riskRatings = Collections.unmodifiableSet(new TreeSet<>(riskRatings));
    }

    static Segment of(String buckets, String jurisdictions, String riskRatings) {
        return new Segment(split(buckets), split(jurisdictions), split(riskRatings));
    }

    boolean contains(CollectionCase request, Decision champion) {
        return matches(buckets, champion.overdue() == null ? null : champion.overdue().bucket())
                && matches(jurisdictions, request.jurisdiction() == null ? null : request.jurisdiction().name())
                && matches(riskRatings, champion.risk() == null || champion.risk().rating() == null ? null
                        : champion.risk().rating().name());
    }

    /** Whether some case could be in both: every dimension shares a value, or one side takes any. */
    boolean overlaps(Segment other) {
        return meet(buckets, other.buckets) && meet(jurisdictions, other.jurisdictions)
                && meet(riskRatings, other.riskRatings);
    }

    /** How the segment reads in a problem or a list: "bucket M1, M2; jurisdiction CN", or "every case". */
    String describe() {
        StringBuilder text = new StringBuilder();
        part(text, "buckets", buckets);
        part(text, "jurisdictions", jurisdictions);
        part(text, "risk ratings", riskRatings);
        return text.isEmpty() ? "every case" : text.toString();
    }

    static String join(Set<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }

    private static void part(StringBuilder text, String name, Set<String> values) {
        if (!values.isEmpty()) {
            text.append(text.isEmpty() ? "" : "; ").append(name).append(' ').append(String.join(", ", values));
        }
    }

    private static boolean matches(Set<String> wanted, String value) {
        return wanted.isEmpty() || value != null && wanted.contains(value);
    }

    private static boolean meet(Set<String> a, Set<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    private static Set<String> split(String joined) {
        return joined == null || joined.isBlank() ? Set.of()
                : Set.copyOf(Arrays.stream(joined.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }
}

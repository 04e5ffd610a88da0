package org.autocollections.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every reason code the policy's conclusions can give, and the parameters each one's wording may name. A code ending
 * in {@code *} stands for a family ({@code BUCKET_*}: {@code BUCKET_M0}, {@code BUCKET_M7_PLUS}, ...) whose members
 * share their parameters; the wording file words each kind in every language, and may word a member of a family on
 * its own row.
 */
public final class ReasonKinds {

    /** A code, or a family of codes, and the names of its parameters. */
    public record Kind(String code, List<String> parameters) {

        public boolean family() {
            return code.endsWith("*");
        }

        /** Whether this kind covers the code: the same code, or a member of the family. */
        public boolean covers(String reasonCode) {
            return family() ? reasonCode.startsWith(code.substring(0, code.length() - 1)) : reasonCode.equals(code);
        }
    }

    private static final List<String> LIMITATION = List.of("years", "period", "from", "by", "expiresOn", "doubt");
    private static final List<String> TIMING = List.of("channel", "earliest", "holds");
    private static final List<String> WHY = List.of("why");

    public static final List<Kind> ALL = List.of(
            new Kind("BUCKET_*", List.of("days", "bucket")),
            new Kind("CLASSIFIED_*", List.of("days", "classification")),
            new Kind("PENALTY_INTEREST", List.of("amount", "overdue", "rate", "multiplier", "dayBasis", "days")),
            new Kind("POINTS_*", List.of("factor", "detail", "points")),
            new Kind("RISK_SCORE", List.of("score", "uncapped")),
            new Kind("RATED_*", List.of("score", "rating", "pd", "priority")),
            new Kind("EXPOSURE", List.of("exposure", "balance", "vehicleValue", "recoveryRate", "expectedLoss", "pd")),
            new Kind("CHANNEL_*", List.of("channel", "script", "why")),
            new Kind("CONTACT_NOW", TIMING),
            new Kind("CONTACT_DEFERRED", TIMING),
            new Kind("NEXT_*", List.of("action", "why")),
            new Kind("LEGAL_*", List.of("stage", "why")),
            new Kind("LIMITATION_RUNNING", LIMITATION),
            new Kind("LIMITATION_EXPIRED", LIMITATION),
            new Kind("LIMITATION_UNCERTAIN", LIMITATION),
            new Kind("LIMITATION_UNKNOWN", LIMITATION),
            new Kind("PLAN_*", List.of("type", "method", "months", "monthly", "first", "last", "lumpSum")),
            new Kind("PLAN_BLOCKED_*", WHY),
            new Kind("NOT_OFFERED_*", WHY),
            new Kind("NO_OPTION_FITS", WHY));

    /** Codes before families, longest first, so that a code takes its narrowest kind ({@code PLAN_BLOCKED_CURRENT} is no {@code PLAN_*}). */
    private static final List<Kind> NARROWEST_FIRST = ALL.stream()
            .sorted(Comparator.comparing(Kind::family).thenComparing(k -> -k.code().length())).toList();

    private ReasonKinds() {
    }

    /** The kind a reason code belongs to, if the policy knows it. */
    public static Optional<Kind> of(String code) {
        for (Kind kind : NARROWEST_FIRST) {
            if (kind.covers(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}

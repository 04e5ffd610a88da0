package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A challenger against the champion: each measure's difference with its interval, and the verdict on cures. */
final class ArmComparison {

    static final double CONFIDENCE = 0.95;

    private ArmComparison() {
    }

    static OutcomeReport.Challenger of(ArmTally challenger, ArmTally champion, Optional<BigDecimal> liftPoints) {
        List<OutcomeReport.Difference> differences = new ArrayList<>();
        Interval cure = null;
        for (Measure measure : Measure.values()) {
            Interval interval = interval(measure, challenger, champion);
            if (measure == Measure.CURE_RATE) {
                cure = interval;
            }
            differences.add(difference(measure, interval, challenger, champion));
        }
        Long needed = null;
        Long more = null;
        Verdict verdict;
        if (champion.observed == 0 || challenger.observed == 0) {
            verdict = Verdict.noData(champion.observed == 0 ? champion.arm : challenger.arm);
        } else if (cure.excludesZero()) {
            verdict = Verdict.significant(challenger.arm, champion.arm, cure);
        } else {
            double base = (double) champion.cured / champion.observed;
            needed = casesPerArm(base, liftPoints.map(l -> l.doubleValue() / 100).orElse(cure.estimate())).orElse(null);
            long have = Math.min(champion.observed, challenger.observed);
            more = needed == null ? null : Math.max(0, needed - have);
            verdict = more != null && more > 0 ? Verdict.notYet(challenger.arm, champion.arm, cure, more)
                    : Verdict.noDifference(challenger.arm, champion.arm, cure, have);
        }
        return new OutcomeReport.Challenger(challenger.arm, List.copyOf(differences), needed, more, verdict.words());
    }

    /** Cases per arm to detect {@code lift} (a fraction) over {@code base}; empty when there is no lift to detect. */
    static Optional<Long> casesPerArm(double base, double lift) {
        double target = Math.max(0, Math.min(1, base + lift));
        return lift == 0 || target == base ? Optional.empty() : Optional.of(SampleSize.perArm(base, target));
    }

    private static Interval interval(Measure measure, ArmTally challenger, ArmTally champion) {
        return switch (measure.method()) {
            case NEWCOMBE -> {
                long[] a = challenger.proportion(measure);
                long[] b = champion.proportion(measure);
                yield ProportionDifference.of(a[0], a[1], b[0], b[1], CONFIDENCE);
            }
            case BOOTSTRAP -> measure == Measure.COLLECTED_SHARE
                    ? BootstrapDifference.of(challenger.collectedByCase(), challenger.overdueByCase(),
                            champion.collectedByCase(), champion.overdueByCase(), CONFIDENCE, BootstrapDifference.SEED)
                    : BootstrapDifference.of(challenger.contactsByCase(), challenger.ones(), champion.contactsByCase(),
                            champion.ones(), CONFIDENCE, BootstrapDifference.SEED);
        };
    }

    private static OutcomeReport.Difference difference(Measure measure, Interval interval, ArmTally challenger,
            ArmTally champion) {
        int places = measure == Measure.CONTACTS_PER_CASE ? 2 : 4;
        boolean defined = !Double.isNaN(interval.estimate());
        return new OutcomeReport.Difference(measure, measure.method(), value(measure, champion, places),
                value(measure, challenger, places), defined ? round(interval.estimate(), places) : null,
                defined ? round(interval.lower(), places) : null, defined ? round(interval.upper(), places) : null,
                defined && interval.excludesZero());
    }

    private static BigDecimal value(Measure measure, ArmTally arm, int places) {
        return switch (measure) {
            case COLLECTED_SHARE -> arm.overdue.signum() == 0 ? null
                    : arm.collected.divide(arm.overdue, places, RoundingMode.HALF_EVEN);
            case CONTACTS_PER_CASE -> arm.observed == 0 ? null
                    : BigDecimal.valueOf(arm.contacts).divide(BigDecimal.valueOf(arm.observed), places, RoundingMode.HALF_EVEN);
            default -> {
                long[] p = arm.proportion(measure);
                yield ArmTally.rate(p[0], p[1]);
            }
        };
    }

    private static BigDecimal round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN);
    }
}

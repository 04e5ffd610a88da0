package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One arm's outcomes summed, with each observed case's amounts kept for the bootstrap. */
final class ArmTally {

    final String arm;
    long assigned;
    long observed;
    long notYet;
    long noSchedule;
    long cured;
    long rolled;
    long promisesResolved;
    long promisesKept;
    long rightParty;
    long contacts;
    long plans;
    long legal;
    BigDecimal overdue = BigDecimal.ZERO;
    BigDecimal collected = BigDecimal.ZERO;
    private double[] collectedByCase = new double[16];
    private double[] overdueByCase = new double[16];
    private double[] contactsByCase = new double[16];

    ArmTally(String arm) {
        this.arm = arm;
    }

    void add(CaseOutcome o) {
        assigned++;
        switch (o.observation()) {
            case NOT_YET -> notYet++;
            case NO_SCHEDULE -> noSchedule++;
            case OBSERVED -> observe(o);
        }
    }

    private void observe(CaseOutcome o) {
        if (observed == collectedByCase.length) {
            collectedByCase = java.util.Arrays.copyOf(collectedByCase, collectedByCase.length * 2);
            overdueByCase = java.util.Arrays.copyOf(overdueByCase, overdueByCase.length * 2);
            contactsByCase = java.util.Arrays.copyOf(contactsByCase, contactsByCase.length * 2);
        }
        int i = (int) observed++;
        collectedByCase[i] = o.collected().doubleValue();
        overdueByCase[i] = o.overdueAtAssignment().doubleValue();
        contactsByCase[i] = o.contacts();
        cured += o.cured() ? 1 : 0;
        rolled += o.rolledForward() ? 1 : 0;
        promisesResolved += o.promiseResolved() ? 1 : 0;
        promisesKept += o.promiseKept() ? 1 : 0;
        rightParty += o.rightPartyContact() ? 1 : 0;
        contacts += o.contacts();
        plans += o.planAgreed() ? 1 : 0;
        legal += o.legalStep() ? 1 : 0;
        overdue = overdue.add(o.overdueAtAssignment());
        collected = collected.add(o.collected());
    }

    double[] collectedByCase() {
        return java.util.Arrays.copyOf(collectedByCase, (int) observed);
    }

    double[] overdueByCase() {
        return java.util.Arrays.copyOf(overdueByCase, (int) observed);
    }

    double[] contactsByCase() {
        return java.util.Arrays.copyOf(contactsByCase, (int) observed);
    }

    double[] ones() {
        double[] ones = new double[(int) observed];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    /** Successes and trials of a proportion measure. */
    long[] proportion(Measure measure) {
        return switch (measure) {
            case CURE_RATE -> new long[] { cured, observed };
            case ROLL_FORWARD_RATE -> new long[] { rolled, observed };
            case PROMISE_KEPT_RATE -> new long[] { promisesKept, promisesResolved };
            case RIGHT_PARTY_CONTACT_RATE -> new long[] { rightParty, observed };
            default -> throw new IllegalArgumentException(measure + " is not a proportion");
        };
    }

    OutcomeReport.Arm summary(boolean champion) {
        return new OutcomeReport.Arm(arm, champion, assigned, observed, notYet, noSchedule, cured, rate(cured, observed),
                rolled, rate(rolled, observed), cents(overdue), cents(collected),
                overdue.signum() == 0 ? null : collected.divide(overdue, 4, RoundingMode.HALF_EVEN),
                promisesResolved, promisesKept, rate(promisesKept, promisesResolved), rightParty,
                rate(rightParty, observed), contacts,
                observed == 0 ? null : BigDecimal.valueOf(contacts).divide(BigDecimal.valueOf(observed), 2, RoundingMode.HALF_EVEN),
                plans, legal);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}

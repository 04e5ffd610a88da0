package org.autocollections.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.autocollections.DatabaseFree;
import org.junit.jupiter.api.Test;

/** What an analyst reads: the counts, the rates, the differences and the verdict in three languages, as JSON and CSV. */
@DatabaseFree
class OutcomeReportTest {

    private static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aClearLiftIsCalledSignificantInEveryLanguage() {
        List<CaseOutcome> outcomes = new ArrayList<>();
        outcomes.addAll(arm("champion", 1_000, 300));
        outcomes.addAll(arm("sms-first", 1_000, 380));
        OutcomeReport report = OutcomeReports.ofMeasured(outcomes, "champion", Period.ofDays(60), AS_OF, Optional.empty());

        assertThat(report.arms()).extracting(OutcomeReport.Arm::arm).containsExactly("champion", "sms-first");
        assertThat(report.arms().get(0).cureRate()).isEqualByComparingTo("0.3000");
        assertThat(report.arms().get(1).cureRate()).isEqualByComparingTo("0.3800");
        OutcomeReport.Challenger challenger = report.challengers().get(0);
        OutcomeReport.Difference cure = challenger.differences().get(0);
        assertThat(cure.measure()).isEqualTo(Measure.CURE_RATE);
        assertThat(cure.difference()).isEqualByComparingTo("0.0800");
        assertThat(cure.significant()).isTrue();
        assertThat(challenger.verdict().get("en")).matches(
                "sms-first cures 8\\.0 pts more than champion \\(95 % CI \\d\\.\\d to \\d+\\.\\d\\): significant\\.");
        assertThat(challenger.verdict().get("zh-CN")).startsWith("sms-first 的出催率比 champion 高 8.0 个百分点").endsWith("显著。");
        assertThat(challenger.verdict().get("zh-TW")).startsWith("sms-first 的出催率比 champion 高 8.0 個百分點").endsWith("顯著。");
    }

    @Test
    void aSmallLiftOnFewCasesSaysHowManyMoreAreNeeded() {
        List<CaseOutcome> outcomes = new ArrayList<>();
        outcomes.addAll(arm("champion", 200, 60));
        outcomes.addAll(arm("challenger", 200, 68));
        OutcomeReport report = OutcomeReports.ofMeasured(outcomes, "champion", Period.ofDays(60), AS_OF,
                Optional.of(new BigDecimal("4")));

        OutcomeReport.Challenger challenger = report.challengers().get(0);
        assertThat(challenger.differences().get(0).significant()).isFalse();
        long needed = SampleSize.perArm(0.30, 0.34);
        assertThat(report.casesPerArmForLift()).isEqualTo(needed);
        assertThat(challenger.casesPerArmNeeded()).isEqualTo(needed);
        assertThat(challenger.moreCasesPerArm()).isEqualTo(needed - 200);
        assertThat(challenger.verdict().get("en")).contains("cures 4.0 pts more").contains("not yet significant; about "
                + String.format(java.util.Locale.ROOT, "%,d", needed - 200) + " more cases per arm needed");
    }

    @Test
    void casesWhoseWindowHasNotElapsedAreNeitherSuccessesNorFailures() {
        List<CaseOutcome> outcomes = new ArrayList<>(arm("champion", 100, 30));
        outcomes.addAll(arm("challenger", 100, 30));
        for (int i = 0; i < 50; i++) {
            outcomes.add(CaseOutcome.unobserved(new ArmCase("LATE-" + i, "challenger", AS_OF, "M1", BigDecimal.TEN),
                    CaseOutcome.Observation.NOT_YET));
        }
        OutcomeReport.Arm challenger = OutcomeReports.ofMeasured(outcomes, "champion", Period.ofDays(30), AS_OF,
                Optional.empty()).arms().get(1);
        assertThat(challenger.assigned()).isEqualTo(150);
        assertThat(challenger.observed()).isEqualTo(100);
        assertThat(challenger.notYetObservable()).isEqualTo(50);
        assertThat(challenger.cureRate()).isEqualByComparingTo("0.3000");
    }

    @Test
    void anArmWithNothingObservedGetsNoVerdictButSaysSo() {
        List<CaseOutcome> outcomes = new ArrayList<>(arm("champion", 100, 30));
        outcomes.add(CaseOutcome.unobserved(new ArmCase("LATE", "challenger", AS_OF, "M1", BigDecimal.TEN),
                CaseOutcome.Observation.NOT_YET));
        OutcomeReport.Challenger challenger = OutcomeReports.ofMeasured(outcomes, "champion", Period.ofDays(30), AS_OF,
                Optional.empty()).challengers().get(0);
        assertThat(challenger.verdict().get("en")).isEqualTo("Not yet: challenger has no case observed over its whole window.");
        assertThat(challenger.differences().get(0).difference()).isNull();
    }

    @Test
    void moneyIsComparedAsTheShareOfTheOverdueAmountCollected() {
        List<CaseOutcome> outcomes = new ArrayList<>(arm("champion", 400, 100));
        outcomes.addAll(arm("challenger", 400, 200));
        OutcomeReport report = OutcomeReports.ofMeasured(outcomes, "champion", Period.ofDays(30), AS_OF, Optional.empty());
        assertThat(report.arms().get(0).collected()).isEqualByComparingTo("100000.00");
        assertThat(report.arms().get(0).collectedShare()).isEqualByComparingTo("0.2500");
        OutcomeReport.Difference money = report.challengers().get(0).differences().stream()
                .filter(d -> d.measure() == Measure.COLLECTED_SHARE).findFirst().orElseThrow();
        assertThat(money.method()).isEqualTo(Measure.Method.BOOTSTRAP);
        assertThat(money.difference()).isEqualByComparingTo("0.2500");
        assertThat(money.significant()).isTrue();
    }

    @Test
    void theCsvHasARowPerArmAndMeasureAndTheVerdicts() throws Exception {
        List<CaseOutcome> outcomes = new ArrayList<>(arm("champion", 100, 30));
        outcomes.addAll(arm("challenger", 100, 40));
        StringWriter csv = new StringWriter();
        OutcomeCsv.write(OutcomeReports.ofMeasured(outcomes, "champion", Period.ofDays(30), AS_OF, Optional.empty()), csv);
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", OutcomeCsv.HEADER));
        assertThat(lines).contains("champion,true,100,100,0,0,CURE_RATE,NEWCOMBE,0.3000,,,,");
        assertThat(lines).anyMatch(l -> l.startsWith("challenger,false,100,100,0,0,CURE_RATE,NEWCOMBE,0.4000,0.1000,"));
        assertThat(lines).anyMatch(l -> l.startsWith("challenger,zh-TW,challenger 的出催率比 champion 高 10.0 個百分點"));
    }

    @Test
    void everyVerdictIsWordedInEveryLanguage() {
        var english = Verdict.texts(org.autocollections.api.Language.EN).stringPropertyNames();
        assertThat(english).hasSize(10);
        for (org.autocollections.api.Language language : org.autocollections.api.Language.values()) {
            assertThat(Verdict.texts(language).stringPropertyNames()).as(language.tag()).isEqualTo(english);
        }
    }

    /** {@code n} observed M1 cases of an arm, {@code cured} of which paid their 1,000 overdue in full. */
    private static List<CaseOutcome> arm(String arm, int n, int cured) {
        List<CaseOutcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean cure = i < cured;
            outcomes.add(new CaseOutcome(arm + "-" + i, arm, CaseOutcome.Observation.OBSERVED, "M1", cure ? "M0" : "M2",
                    cure ? 0 : 45, cure, !cure, new BigDecimal("1000.00"), cure ? new BigDecimal("1000.00") : BigDecimal.ZERO,
                    false, false, cure, 4, false, false));
        }
        return outcomes;
    }
}

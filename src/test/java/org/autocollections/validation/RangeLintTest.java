package org.autocollections.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.autocollections.policy.CaseFacts;
import org.autocollections.api.RulesetProblem.Severity;
import org.autocollections.tables.TableFormat;
import org.autocollections.tables.TableReader;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/**
 * The bands of range tables, read from small CSV tables whose data start at row 9: gaps and overlaps are warnings,
 * rows that can never fire are errors, each pinned to the row and the bound's column.
 */
@DatabaseFree
class RangeLintTest {

    private static final String FILE = "decision-tables/buckets.drl.csv";

    private static String table(String condition, String from, String to, String... rows) {
        return """
                RuleSet,test.buckets
                Import,org.autocollections.policy.*
                ,
                RuleTable Buckets
                %s
                $c : CaseFacts...,...,...,
                %s
                Titles
                """.formatted(condition, from + "," + to) + String.join("\n", rows) + "\n";
    }

    private static String days(String... rows) {
        return table("CONDITION,CONDITION,ACTION", "daysPastDue >= $param", "daysPastDue <= $param,\"insertLogical(new OverdueBucket(\"\"$param\"\", $c.getDaysPastDue()));\"", rows);
    }

    static List<Finding> lint(String csv) {
        try {
            SheetLayout sheet = SheetLayout.of(new TableReader().read(TableFormat.CSV, csv.getBytes(StandardCharsets.UTF_8)).get(0));
            return new RangeLint(new FieldTypes(CaseFacts.class.getClassLoader())).lint(FILE, sheet);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertFinding(Finding f, Severity severity, Finding.Kind kind, int row, String column) {
        assertThat(f.severity()).isEqualTo(severity);
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.file()).isEqualTo(FILE);
        assertThat(f.sheet()).isEqualTo("csv");
        assertThat(f.row()).isEqualTo(row);
        assertThat(f.column()).isEqualTo(column);
    }

    @Test
    void contiguousWholeNumberBandsWithAnOpenEndAreClean() {
        assertThat(lint(days("0,0,M0", "1,30,M1", "31,60,M2", "61,,M3+"))).isEmpty();
    }

    @Test
    void aDayBetweenTwoBandsIsAGapAtTheStartOfTheNextBand() {
        assertThat(lint(days("0,0,M0", "1,30,M1", "31,60,M2", "62,90,M3"))).singleElement().satisfies(f -> {
            assertFinding(f, Severity.WARNING, Finding.Kind.RANGE_GAP, 12, "A");
            assertThat(f.message()).startsWith("no row covers daysPastDue 61,").contains("row 11", "row 12");
        });
    }

    @Test
    void theGapIsFoundWhateverTheOrderOfTheRows() {
        assertThat(lint(days("62,90,M3", "0,0,M0", "31,60,M2", "1,30,M1"))).singleElement().satisfies(f -> {
            assertFinding(f, Severity.WARNING, Finding.Kind.RANGE_GAP, 9, "A");
            assertThat(f.message()).contains("daysPastDue 61,");
        });
    }

    @Test
    void twoRowsCoveringTheSameDaysOverlapAtTheBoundThatReachesIn() {
        assertThat(lint(days("0,0,M0", "1,30,M1", "25,60,M2"))).singleElement().satisfies(f -> {
            assertFinding(f, Severity.WARNING, Finding.Kind.RANGE_OVERLAP, 11, "A");
            assertThat(f.message()).isEqualTo("rows 10 and 11 both cover daysPastDue 25 to 30, so both fire for it");
        });
        assertThat(lint(days("31,60,M2", "1,35,M1"))).singleElement().satisfies(f -> {
            assertFinding(f, Severity.WARNING, Finding.Kind.RANGE_OVERLAP, 10, "B");
            assertThat(f.message()).contains("daysPastDue 31 to 35");
        });
    }

    @Test
    void anOpenBandOverlapsEveryBandOfItsGroup() {
        assertThat(lint(days("1,30,M1", ",,ANY"))).singleElement().satisfies(f ->
                assertFinding(f, Severity.WARNING, Finding.Kind.RANGE_OVERLAP, 10, "B"));
    }

    @Test
    void aBandFromNinetyToThirtyIsAnUnreachableRowAtItsUpperBound() {
        assertThat(lint(days("0,0,M0", "90,30,M1"))).singleElement().satisfies(f -> {
            assertFinding(f, Severity.ERROR, Finding.Kind.UNREACHABLE_ROW, 10, "B");
            assertThat(f.message()).contains("from 90 to 30");
        });
    }

    @Test
    void inAFirstMatchTableARowCoveredByAnEarlierOneIsUnreachable() {
        String csv = table("CONDITION,CONDITION,ACTION,ACTIVATION-GROUP", "daysPastDue >= $param",
                "daysPastDue <= $param,\"insertLogical(new OverdueBucket(\"\"$param\"\", 0));\",",
                "1,90,EARLY,bucket", "31,60,M2,bucket", "91,,LATE,bucket");
        assertThat(lint(csv)).singleElement().satisfies(f -> {
            assertFinding(f, Severity.ERROR, Finding.Kind.UNREACHABLE_ROW, 10, "A");
            assertThat(f.message()).contains("row 9 is tried first");
        });
    }

    @Test
    void inAFirstMatchTableAHigherPriorityRowBelowIsTriedFirst() {
        String csv = table("CONDITION,CONDITION,ACTION,ACTIVATION-GROUP,PRIORITY", "daysPastDue >= $param",
                "daysPastDue <= $param,\"insertLogical(new OverdueBucket(\"\"$param\"\", 0));\",,",
                "31,60,M2,bucket,1", "1,90,EARLY,bucket,10");
        assertThat(lint(csv)).singleElement().satisfies(f ->
                assertFinding(f, Severity.ERROR, Finding.Kind.UNREACHABLE_ROW, 9, "A"));
    }

    @Test
    void rowsWithTheSameConditionsAreDuplicatesNotOverlaps() {
        assertThat(lint(days("0,0,M0", "1,30,M1", "1,30,M1B"))).singleElement().satisfies(f -> {
            assertFinding(f, Severity.WARNING, Finding.Kind.DUPLICATE_CONDITIONS, 11, "A");
            assertThat(f.message()).contains("same conditions as row 10");
        });
    }

    @Test
    void otherConditionsSeparateTheGroupsAndAnEmptyCellIsAGroupOfItsOwn() {
        String csv = table("CONDITION,CONDITION,CONDITION,ACTION", "hasFlag(\"\"$param\"\"),daysPastDue >= $param",
                "daysPastDue <= $param,\"insertLogical(new OverdueBucket(\"\"$param\"\", 0));\"",
                ",1,30,A", ",31,60,B", "DISPUTE_OPEN,1,10,C", "DISPUTE_OPEN,12,60,D", "BANKRUPTCY,1,60,E");
        assertThat(lint(csv)).singleElement().satisfies(f -> {
            assertFinding(f, Severity.WARNING, Finding.Kind.RANGE_GAP, 12, "B");
            assertThat(f.message()).contains("daysPastDue 11,");
        });
    }

    @Test
    void decimalBandsMeetOnlyWhenOneIncludesTheBoundTheOtherExcludes() {
        String ltv = "\"insertLogical(new RiskPoints(\"\"ltv\"\", $param, \"\"x\"\"));\"";
        assertThat(lint(table("CONDITION,CONDITION,ACTION", "ltv >= $param", "ltv < $param," + ltv,
                ",0.5,0", "0.5,0.8,30", "0.8,,80"))).isEmpty();
        assertThat(lint(table("CONDITION,CONDITION,ACTION", "ltv >= $param", "ltv < $param," + ltv,
                ",0.5,0", "0.6,0.8,30"))).singleElement().satisfies(f -> {
                    assertFinding(f, Severity.WARNING, Finding.Kind.RANGE_GAP, 10, "A");
                    assertThat(f.message()).startsWith("no row covers ltv from 0.5 (included) to 0.6 (excluded)");
                });
        assertThat(lint(table("CONDITION,CONDITION,ACTION", "ltv > $param", "ltv <= $param," + ltv,
                ",0.5,0", "0.5,0.8,30"))).isEmpty();
        assertThat(lint(table("CONDITION,CONDITION,ACTION", "ltv >= $param", "ltv <= $param," + ltv,
                ",0.5,0", "0.5,0.8,30"))).singleElement().satisfies(f -> {
                    assertFinding(f, Severity.WARNING, Finding.Kind.RANGE_OVERLAP, 10, "A");
                    assertThat(f.message()).contains("ltv 0.5");
                });
    }

    @Test
    void aDecimalFieldIsNotTakenForWholeNumbersBecauseItsBoundsAre() {
        String ltv = "\"insertLogical(new RiskPoints(\"\"ltv\"\", $param, \"\"x\"\"));\"";
        assertThat(lint(table("CONDITION,CONDITION,ACTION", "ltv >= $param", "ltv <= $param," + ltv,
                "0,1,0", "2,3,30"))).singleElement().satisfies(f ->
                        assertThat(f.message()).startsWith("no row covers ltv from 1 (excluded) to 2 (excluded)"));
    }

    @Test
    void bothBoundsInOneCellWithIndexedParameters() {
        String csv = table("CONDITION,ACTION", "daysPastDue >= $1 && daysPastDue <= $2",
                "\"insertLogical(new OverdueBucket(\"\"$param\"\", 0));\"", "\"1,30\",M1", "\"32,60\",M2");
        assertThat(lint(csv.replace("$c : CaseFacts...,...,...,", "$c : CaseFacts,"))).singleElement().satisfies(f -> {
            assertFinding(f, Severity.WARNING, Finding.Kind.RANGE_GAP, 10, "A");
            assertThat(f.message()).contains("daysPastDue 31,");
        });
    }

    @Test
    void aTableOfWindowsMayOverlapButNotLeaveGaps() {
        String csv = days("1,60,EXTENSION", "1,90,CATCH_UP", "31,180,RESTRUCTURE", "91,,SETTLEMENT")
                .replace("RuleTable Buckets", "RuleTable Plan windows");
        assertThat(lint(csv)).isEmpty();
        assertThat(lint(csv.replace("91,,SETTLEMENT", "182,,SETTLEMENT"))).singleElement().satisfies(f ->
                assertThat(f.kind()).isEqualTo(Finding.Kind.RANGE_GAP));
    }
}

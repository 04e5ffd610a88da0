package org.autocollections.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.api.RulesetProblem;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.autocollections.DatabaseFree;

/**
 * Decision tables in both formats, good and broken: a good one compiles and every rule knows its sheet and row;
 * a broken one is refused with the sheet, row and column an analyst must fix.
 */
@DatabaseFree
class TableCompilationTest {

    /** The model the service compiles with (collections.policy.model): its errors are the ones an analyst sees. */
    private final RulesetCompiler compiler = new RulesetCompiler(RuleModel.EXECUTABLE);

    private static final String[] BUCKET_ROWS = {"0,0,M0", "1,30,M1", "31,,M2+"};

    private Ruleset compile(PolicyFile... files) throws RulesetCompilationException {
        return compiler.compile("test", List.of(files), Instant.EPOCH);
    }

    private List<RulesetProblem> problems(PolicyFile... files) {
        try {
            compile(files);
        } catch (RulesetCompilationException e) {
            return e.problems();
        }
        throw new AssertionError("expected the ruleset to be refused");
    }

    private static PolicyFile xlsx(Workbooks workbook) {
        return new PolicyFile("decision-tables/buckets.drl.xlsx", workbook.bytes());
    }

    private static PolicyFile csv(String text) {
        return new PolicyFile("decision-tables/buckets.drl.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> sources(Ruleset ruleset) {
        List<String> sources = new ArrayList<>();
        for (KiePackage pkg : ruleset.kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                sources.add(ruleset.attribution(rule).source());
            }
        }
        return sources;
    }

    @Test
    void aGoodWorkbookCompilesAndEveryRuleKnowsItsSheetAndRow() throws Exception {
        Workbooks book = Workbooks.create()
                .sheet("Read me", List.<String[]>of(new String[] {"Buckets by days past due; edit the Buckets sheet."}))
                .sheet("Buckets", Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, BUCKET_ROWS))
                .merge("Buckets", 5, 0, 1);
        Ruleset ruleset = compile(xlsx(book));
        assertThat(sources(ruleset)).containsExactlyInAnyOrder(
                "decision-tables/buckets.drl.xlsx#Buckets!9",
                "decision-tables/buckets.drl.xlsx#Buckets!10",
                "decision-tables/buckets.drl.xlsx#Buckets!11");
        assertThat(ruleset.warnings()).isEmpty();
    }

    @Test
    void tablesOnEverySheetAreCompiledNotOnlyTheFirst() throws Exception {
        Workbooks book = Workbooks.create()
                .sheet("CN", Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, "0,0,M0"))
                .sheet("US", Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, "1,,M1+"))
                .merge("CN", 5, 0, 1).merge("US", 5, 0, 1);
        assertThat(sources(compile(xlsx(book)))).containsExactlyInAnyOrder(
                "decision-tables/buckets.drl.xlsx#CN!9", "decision-tables/buckets.drl.xlsx#US!9");
    }

    @Test
    void aBadValueInAWorkbookIsPinnedToItsCell() {
        Workbooks book = Workbooks.create()
                .sheet("Buckets", Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION,
                        "0,0,M0", "1,3O,M1", "31,,M2+"))
                .merge("Buckets", 5, 0, 1);
        assertThat(problems(xlsx(book))).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("decision-tables/buckets.drl.xlsx");
            assertThat(p.sheet()).isEqualTo("Buckets");
            assertThat(p.row()).isEqualTo(10);
            assertThat(p.column()).isEqualTo("B");
            assertThat(p.severity()).isEqualTo(RulesetProblem.Severity.ERROR);
        });
    }

    @Test
    void aMisspeltHeaderIsRefusedAtItsCellInsteadOfBeingGuessed() {
        Workbooks book = Workbooks.create()
                .sheet("Buckets", Workbooks.bucketTable("CONDITON", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, BUCKET_ROWS))
                .merge("Buckets", 5, 0, 1);
        assertThat(problems(xlsx(book))).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(5);
            assertThat(p.column()).isEqualTo("A");
            assertThat(p.message()).contains("unknown column header 'CONDITON'");
        });
    }

    @Test
    void anUnknownFieldInAColumnsCodeIsReportedOnceAtTheCodeCell() {
        Workbooks book = Workbooks.create()
                .sheet("Buckets", Workbooks.bucketTable("CONDITION", "dayzPastDue >= $param", Workbooks.BUCKET_ACTION, BUCKET_ROWS))
                .merge("Buckets", 5, 0, 1);
        List<RulesetProblem> problems = problems(xlsx(book));
        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("Buckets");
            assertThat(p.row()).isEqualTo(7);
            assertThat(p.column()).isEqualTo("A");
            assertThat(p.message()).contains("the column's code does not compile");
        });
        assertThat(problems).hasSizeLessThan(BUCKET_ROWS.length);
    }

    @Test
    void excelsCurlyQuotesAreStraightenedWithAWarning() throws Exception {
        String curly = "insertLogical(new OverdueBucket(\u201C$param\u201D, $c.getDaysPastDue()));";
        Workbooks book = Workbooks.create()
                .sheet("Buckets", Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", curly, BUCKET_ROWS))
                .merge("Buckets", 5, 0, 1);
        Ruleset ruleset = compile(xlsx(book));
        assertThat(ruleset.warnings()).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(RulesetProblem.Severity.WARNING);
            assertThat(w.row()).isEqualTo(7);
            assertThat(w.column()).isEqualTo("C");
        });
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedByName() {
        PolicyFile corrupt = new PolicyFile("decision-tables/buckets.drl.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8));
        assertThat(problems(corrupt)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("decision-tables/buckets.drl.xlsx");
            assertThat(p.message()).startsWith("cannot be read as XLSX");
        });
    }

    private static final String CSV_HEAD = BucketsCsv.HEAD;

    @Test
    void aGoodCsvTableCompilesWithRowSources() throws Exception {
        Ruleset ruleset = compile(csv(CSV_HEAD + "0,0,M0\n1,30,M1\n"));
        assertThat(sources(ruleset)).containsExactlyInAnyOrder(
                "decision-tables/buckets.drl.csv#9", "decision-tables/buckets.drl.csv#10");
    }

    @Test
    void aCsvWithAByteOrderMarkFromExcelCompiles() throws Exception {
        Ruleset ruleset = compile(csv("\uFEFF" + CSV_HEAD + "0,0,M0\n"));
        assertThat(sources(ruleset)).containsExactly("decision-tables/buckets.drl.csv#9");
    }

    @Test
    void aBadValueInACsvIsPinnedToItsCell() {
        assertThat(problems(csv(CSV_HEAD + "0,0,M0\n1,30,M1\n31,6O,M2\n"))).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("csv");
            assertThat(p.row()).isEqualTo(11);
            assertThat(p.column()).isEqualTo("B");
        });
    }

    @Test
    void aDrlSyntaxErrorNamesTheFileAndLine() {
        PolicyFile drl = new PolicyFile("rules/broken.drl", """
                package test.broken;
                import org.autocollections.policy.*;

                rule "Broken"
                when
                    CaseFacts(daysPastDue >>> 3)
                then
                end
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(problems(drl)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/broken.drl");
            assertThat(p.line()).isEqualTo(6);
        });
    }

    @Test
    void anEmptyRulesetIsRefused() {
        assertThatThrownBy(() -> compiler.compile("test", List.of(), Instant.EPOCH))
                .isInstanceOf(RulesetCompilationException.class).hasMessageContaining("no rule or table files");
    }

    @Test
    void theVersionDependsOnContentNotOnWhenItWasLoaded() throws Exception {
        PolicyFile table = csv(CSV_HEAD + "0,0,M0\n");
        Ruleset first = compiler.compile("a", List.of(table), Instant.EPOCH);
        Ruleset again = compiler.compile("b", List.of(table), Instant.now());
        Ruleset changed = compiler.compile("a", List.of(csv(CSV_HEAD + "0,0,M00\n")), Instant.EPOCH);
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(changed.version()).isNotEqualTo(first.version());
    }
}

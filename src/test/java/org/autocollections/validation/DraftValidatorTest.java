package org.autocollections.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.autocollections.tables.PolicyFile;
import org.autocollections.api.RulesetProblem.Severity;
import org.autocollections.tables.Workbooks;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/**
 * A draft as an analyst makes one: the active ruleset is one CSV bucket table, and the upload is a workbook of the
 * same name (settings in rows 1-2, RuleTable in row 4, keywords, pattern, code and titles in rows 5-8, data from
 * row 9). Each kind of finding is pinned to the sheet, row and column to fix.
 */
@DatabaseFree
class DraftValidatorTest {

    private static final String BASE_PATH = "decision-tables/buckets.drl.csv";
    private static final String UPLOAD_PATH = "decision-tables/buckets.drl.xlsx";
    private static final String[] GOOD_ROWS = {"0,0,M0", "1,30,M1", "31,60,M2", "61,,M3+"};

    private static final List<PolicyFile> BASE = List.of(Drafts.csv(BASE_PATH, """
            RuleSet,test.buckets
            Import,org.autocollections.policy.*
            ,
            RuleTable Buckets
            CONDITION,CONDITION,ACTION
            $c : CaseFacts...,...,
            daysPastDue >= $param,daysPastDue <= $param,"insertLogical(new OverdueBucket(""$param"", $c.getDaysPastDue()));"
            From day,To day,Bucket
            0,0,M0
            1,30,M1
            31,60,M2
            61,,M3+
            """));

    private static PolicyFile uploadWithCode(String fromSnippet, String action, String... rows) {
        return new PolicyFile(UPLOAD_PATH, Workbooks.create()
                .sheet("Buckets", Workbooks.bucketTable("CONDITION", fromSnippet, action, rows))
                .merge("Buckets", 5, 0, 1).bytes());
    }

    private static PolicyFile upload(String... rows) {
        return uploadWithCode("daysPastDue >= $param", Workbooks.BUCKET_ACTION, rows);
    }

    private static Validation byAnalyst(PolicyFile upload) {
        return Drafts.validate(BASE, false, upload);
    }

    private static Validation byDeveloper(PolicyFile upload) {
        return Drafts.validate(BASE, true, upload);
    }

    private static void assertAt(Finding f, Severity severity, Finding.Kind kind, Integer row, String column) {
        assertThat(f.severity()).as(f.toString()).isEqualTo(severity);
        assertThat(f.kind()).as(f.toString()).isEqualTo(kind);
        assertThat(f.file()).isEqualTo(UPLOAD_PATH);
        assertThat(f.row()).as(f.toString()).isEqualTo(row);
        assertThat(f.column()).as(f.toString()).isEqualTo(column);
        if (row != null) {
            assertThat(f.sheet()).isEqualTo("Buckets");
        }
    }

    @Test
    void aWorkbookMayReplaceTheCsvTableOfTheSameNameWithoutFindings() {
        Validation validation = byAnalyst(upload(GOOD_ROWS));
        assertThat(validation.findings()).isEmpty();
        assertThat(validation.ruleset()).isNotNull();
    }

    @Test
    void aGapIsAWarningAndTheDraftMayStillBeActivated() {
        Validation validation = byAnalyst(upload("0,0,M0", "1,30,M1", "31,60,M2", "62,,M3+"));
        assertThat(validation.findings()).singleElement().satisfies(f -> {
            assertAt(f, Severity.WARNING, Finding.Kind.RANGE_GAP, 12, "A");
            assertThat(f.message()).contains("daysPastDue 61");
        });
        assertThat(validation.ruleset()).isNotNull();
    }

    @Test
    void fixingTheTableClearsTheFinding() {
        assertThat(byAnalyst(upload("0,0,M0", "1,30,M1", "25,60,M2", "61,,M3+")).findings()).singleElement()
                .satisfies(f -> assertAt(f, Severity.WARNING, Finding.Kind.RANGE_OVERLAP, 11, "A"));
        assertThat(byAnalyst(upload("0,0,M0", "1,30,M1", "31,60,M2", "61,,M3+")).findings()).isEmpty();
    }

    @Test
    void aBackwardsBandIsAnErrorAndTheDraftHasNoRuleset() {
        Validation validation = byAnalyst(upload("0,0,M0", "1,30,M1", "60,31,M2", "61,,M3+"));
        assertThat(validation.errors()).singleElement().satisfies(f -> assertAt(f, Severity.ERROR, Finding.Kind.UNREACHABLE_ROW, 11, "B"));
        assertThat(validation.ruleset()).isNull();
    }

    @Test
    void aRepeatedRowIsADuplicateNotAnOverlap() {
        assertThat(byAnalyst(upload("0,0,M0", "1,30,M1", "1,30,M1", "31,,M2+")).findings()).singleElement()
                .satisfies(f -> assertAt(f, Severity.WARNING, Finding.Kind.DUPLICATE_CONDITIONS, 11, "A"));
    }

    @Test
    void anAnalystMayNotChangeAColumnsCode() {
        Validation validation = byAnalyst(uploadWithCode("this.daysPastDue >= $param", Workbooks.BUCKET_ACTION, GOOD_ROWS));
        assertThat(validation.findings()).filteredOn(f -> f.kind() == Finding.Kind.HEADER_CHANGED).singleElement().satisfies(f -> {
            assertAt(f, Severity.ERROR, Finding.Kind.HEADER_CHANGED, 7, "A");
            assertThat(f.message()).contains("'daysPastDue >= $param'", "'this.daysPastDue >= $param'", "only a developer");
        });
        assertThat(validation.ruleset()).isNull();
    }

    @Test
    void aDeveloperMayChangeAColumnsCodeWithAWarning() {
        Validation validation = byDeveloper(uploadWithCode("this.daysPastDue >= $param", Workbooks.BUCKET_ACTION, GOOD_ROWS));
        assertThat(validation.findings()).filteredOn(f -> f.kind() == Finding.Kind.HEADER_CHANGED).singleElement()
                .satisfies(f -> assertAt(f, Severity.WARNING, Finding.Kind.HEADER_CHANGED, 7, "A"));
        assertThat(validation.ruleset()).isNotNull();
    }

    @Test
    void anAnalystMayNotChangeASettingsRow() {
        List<String[]> rows = Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, GOOD_ROWS);
        rows.set(1, new String[] {"Import", "org.autocollections.policy.*, java.io.File"});
        PolicyFile upload = new PolicyFile(UPLOAD_PATH, Workbooks.create().sheet("Buckets", rows).merge("Buckets", 5, 0, 1).bytes());
        assertThat(byAnalyst(upload).findings()).singleElement().satisfies(f -> {
            assertAt(f, Severity.ERROR, Finding.Kind.HEADER_CHANGED, 2, "B");
            assertThat(f.message()).contains("java.io.File");
        });
    }

    @Test
    void unmergingThePatternIsAHeaderChange() {
        PolicyFile upload = new PolicyFile(UPLOAD_PATH, Workbooks.create()
                .sheet("Buckets", Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, GOOD_ROWS)).bytes());
        assertThat(byAnalyst(upload).findings()).filteredOn(f -> f.kind() == Finding.Kind.HEADER_CHANGED).singleElement()
                .satisfies(f -> assertAt(f, Severity.ERROR, Finding.Kind.HEADER_CHANGED, 6, "B"));
    }

    /**
     * Each change to a table's code reads in Chinese for an analyst who reads Chinese: the header rows, "empty", the
     * merge and who may change code are worded, the cells' own texts (quoted) kept as they are.
     */
    @Test
    void headerChangesAreWordedInEachLanguage() {
        List<String[]> settings = Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, GOOD_ROWS);
        settings.set(1, new String[] {"Import", "org.autocollections.policy.*, java.io.File"});
        List<Finding> changes = new java.util.ArrayList<>();
        changes.addAll(byAnalyst(uploadWithCode("this.daysPastDue >= $param", Workbooks.BUCKET_ACTION, GOOD_ROWS)).findings());
        changes.addAll(byDeveloper(uploadWithCode("this.daysPastDue >= $param", Workbooks.BUCKET_ACTION, GOOD_ROWS)).findings());
        changes.addAll(byAnalyst(new PolicyFile(UPLOAD_PATH, Workbooks.create().sheet("Buckets", settings)
                .merge("Buckets", 5, 0, 1).bytes())).findings());
        changes.addAll(byAnalyst(new PolicyFile(UPLOAD_PATH, Workbooks.create().sheet("Buckets", Workbooks.bucketTable(
                "CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, GOOD_ROWS)).bytes())).findings());
        List<Finding> headers = changes.stream().filter(f -> f.kind() == Finding.Kind.HEADER_CHANGED).toList();
        assertThat(headers).hasSize(4).allSatisfy(f -> {
            assertThat(f.words().english()).isEqualTo(f.message());
            for (org.autocollections.api.Language language : List.of(org.autocollections.api.Language.ZH_CN,
                    org.autocollections.api.Language.ZH_TW)) {
                String worded = f.words().in(language);
                assertThat(worded.replaceAll("'[^']*'|「[^」]*」", "")).as(worded)
                        .doesNotContainPattern("[A-Za-z]*[a-z]{2,}[A-Za-z]*").doesNotContain("\u0001");
            }
        });
        assertThat(headers.get(0).message()).endsWith(". This is part of the table's code, which only a developer may change.");
        assertThat(headers.get(1).message()).endsWith(". This is part of the table's code: check that the change is meant.");
        assertThat(headers.get(0).words().in(org.autocollections.api.Language.ZH_CN))
                .startsWith("列代码 原为 ").endsWith("。这属于决策表的代码，只能由开发人员修改。");
        assertThat(headers.get(3).message()).startsWith("the pattern was '$c : CaseFacts' and is now empty. ");
        assertThat(headers.get(3).words().in(org.autocollections.api.Language.ZH_TW))
                .startsWith("模式 原為 '$c : CaseFacts'，現為 空。這屬於決策表的程式碼");
    }

    @Test
    void aRewordedColumnTitleIsOnlyAWarning() {
        List<String[]> rows = Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, GOOD_ROWS);
        rows.set(7, new String[] {"From day (included)", "To day", "Bucket"});
        PolicyFile upload = new PolicyFile(UPLOAD_PATH, Workbooks.create().sheet("Buckets", rows).merge("Buckets", 5, 0, 1).bytes());
        Validation validation = byAnalyst(upload);
        assertThat(validation.findings()).singleElement()
                .satisfies(f -> assertAt(f, Severity.WARNING, Finding.Kind.TITLE_CHANGED, 8, "A"));
        assertThat(validation.ruleset()).isNotNull();
    }

    @Test
    void codeInADataCellIsAnErrorForAnAnalystAndAWarningForADeveloper() {
        PolicyFile upload = upload("0,0,M0", "1,30,M1\") ; System.exit(0); //", "31,60,M2", "61,,M3+");
        assertThat(byAnalyst(upload).findings()).filteredOn(f -> f.kind() == Finding.Kind.CODE_IN_CELL).singleElement()
                .satisfies(f -> {
                    assertAt(f, Severity.ERROR, Finding.Kind.CODE_IN_CELL, 10, "C");
                    assertThat(f.message()).contains("double quote");
                });
        assertThat(byDeveloper(upload).findings()).filteredOn(f -> f.kind() == Finding.Kind.CODE_IN_CELL).singleElement()
                .satisfies(f -> assertAt(f, Severity.WARNING, Finding.Kind.CODE_IN_CELL, 10, "C"));
    }

    @Test
    void anExpressionWhereANumberBelongsIsCodeInACell() {
        Validation validation = byAnalyst(upload("0,0,M0", "1,30 || true,M1", "31,60,M2", "61,,M3+"));
        assertThat(validation.findings()).filteredOn(f -> f.kind() == Finding.Kind.CODE_IN_CELL).singleElement()
                .satisfies(f -> assertAt(f, Severity.ERROR, Finding.Kind.CODE_IN_CELL, 10, "B"));
        assertThat(validation.ruleset()).isNull();
    }

    @Test
    void curlyQuotesAreAWarningAndNotAHeaderChange() {
        String curly = "insertLogical(new OverdueBucket(\u201C$param\u201D, $c.getDaysPastDue()));";
        Validation validation = byAnalyst(uploadWithCode("daysPastDue >= $param", curly, GOOD_ROWS));
        assertThat(validation.findings()).singleElement()
                .satisfies(f -> assertAt(f, Severity.WARNING, Finding.Kind.CURLY_QUOTES, 7, "C"));
        assertThat(validation.ruleset()).isNotNull();
    }

    @Test
    void aValueThatDoesNotCompileIsACompileErrorAtItsCell() {
        Validation validation = byAnalyst(upload("0,0,M0", "1,3O,M1", "31,60,M2", "61,,M3+"));
        assertThat(validation.findings()).filteredOn(f -> f.kind() == Finding.Kind.COMPILE_ERROR).singleElement()
                .satisfies(f -> assertAt(f, Severity.ERROR, Finding.Kind.COMPILE_ERROR, 10, "B"));
        assertThat(validation.ruleset()).isNull();
    }

    @Test
    void aFileThatIsNotAWorkbookIsUnreadable() {
        Validation validation = byAnalyst(new PolicyFile(UPLOAD_PATH, "not a workbook".getBytes()));
        assertThat(validation.findings()).singleElement().satisfies(f -> {
            assertAt(f, Severity.ERROR, Finding.Kind.UNREADABLE_FILE, null, null);
            assertThat(f.message()).startsWith("cannot be read as XLSX");
        });
    }

    @Test
    void aNewTableIsRefusedFromAnAnalystAndShownToAReviewerFromADeveloper() {
        List<String[]> rows = Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, GOOD_ROWS);
        rows.set(0, new String[] {"RuleSet", "test.more.buckets"});
        PolicyFile extra = new PolicyFile("decision-tables/more-buckets.drl.xlsx",
                Workbooks.create().sheet("Buckets", rows).merge("Buckets", 5, 0, 1).bytes());
        Validation analyst = Drafts.validate(BASE, false, extra);
        assertThat(analyst.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.UNKNOWN_TABLE);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.file()).isEqualTo(extra.path());
        });
        Validation developer = Drafts.validate(BASE, true, extra);
        assertThat(developer.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.UNKNOWN_TABLE);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(developer.ruleset()).isNotNull();
    }

    @Test
    void aRuleFileIsRefusedFromAnAnalyst() {
        PolicyFile drl = Drafts.csv("rules/extra.drl", "package test.extra;\n");
        assertThat(Drafts.validate(BASE, false, drl).errors()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.HEADER_CHANGED);
            assertThat(f.file()).isEqualTo("rules/extra.drl");
        });
        assertThat(Drafts.validate(BASE, true, drl).findings()).isEmpty();
    }
}

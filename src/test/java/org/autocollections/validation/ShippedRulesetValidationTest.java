package org.autocollections.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.autocollections.policy.CaseFacts;
import org.autocollections.tables.PolicyFile;
import org.autocollections.api.RulesetProblem.Severity;
import org.autocollections.tables.TableConverter;
import org.autocollections.tables.TableFormat;
import org.autocollections.tables.TableReader;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/**
 * The shipped tables, uploaded as they are or as workbooks, are a draft with nothing to report: the checks know the
 * policy's idioms. Changed, they are caught.
 */
@DatabaseFree
class ShippedRulesetValidationTest {

    private static List<Finding> lintAndCells(PolicyFile file) throws Exception {
        SheetLayout sheet = SheetLayout.of(new TableReader().read(TableFormat.CSV, file.content()).get(0));
        List<Finding> findings = new java.util.ArrayList<>(new RangeLint(new FieldTypes(CaseFacts.class.getClassLoader())).lint(file.path(), sheet));
        findings.addAll(new CellValueCheck().check(file.path(), sheet, Severity.ERROR));
        return findings;
    }

    @Test
    void theShippedTablesUploadedAsTheyAreHaveNoFindings() {
        Validation validation = Drafts.validate(Drafts.shipped(), false, Drafts.shippedTables().toArray(PolicyFile[]::new));
        assertThat(validation.findings()).isEmpty();
        assertThat(validation.ruleset()).isNotNull();
    }

    @Test
    void theShippedTablesUploadedAsWorkbooksHaveNoFindings() {
        TableConverter converter = new TableConverter();
        PolicyFile[] workbooks = Drafts.shippedTables().stream().map(f -> new PolicyFile(
                f.path().replace(".drl.csv", ".drl.xlsx"), converter.toXlsx(f))).toArray(PolicyFile[]::new);
        Validation validation = Drafts.validate(Drafts.shipped(), false, workbooks);
        assertThat(validation.findings()).isEmpty();
        assertThat(validation.ruleset()).isNotNull();
    }

    @Test
    void everyShippedTableHasCleanBandsAndPlainValues() throws Exception {
        for (PolicyFile table : Drafts.shippedTables()) {
            assertThat(lintAndCells(table)).as(table.path()).isEmpty();
        }
    }

    @Test
    void aChangedShippedTableIsCaught() throws Exception {
        PolicyFile buckets = Drafts.shippedTables().stream().filter(f -> f.path().endsWith("overdue-buckets.drl.csv")).findFirst().orElseThrow();
        PolicyFile gap = Drafts.csv(buckets.path(), buckets.text().replace("61,90,M3", "62,90,M3"));
        assertThat(lintAndCells(gap)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.RANGE_GAP);
            assertThat(f.row()).isEqualTo(13); // Notes in row 3 puts the data from row 10
            assertThat(f.column()).isEqualTo("A");
        });
        PolicyFile risk = Drafts.shippedTables().stream().filter(f -> f.path().endsWith("risk-rating.drl.csv")).findFirst().orElseThrow();
        PolicyFile overlap = Drafts.csv(risk.path(), risk.text().replace("true,0.5,0.8,30", "true,0.5,0.85,30"));
        assertThat(lintAndCells(overlap)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.RANGE_OVERLAP);
            assertThat(f.message()).contains("ltv from 0.8 (included) to 0.85 (excluded)");
        });
    }
}

package org.autocollections.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.autocollections.api.RulesetProblem;
import org.autocollections.api.RulesetProblem.Severity;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** Findings read like the compiler's problems, and serialise without the places they do not have. */
@DatabaseFree
class FindingTest {

    @Test
    void compileProblemsBecomeFindingsOfTheirKind() {
        RulesetProblem curly = RulesetProblem.atCell("t.drl.xlsx", "S", 7, "C",
                "curly quotes (as Excel types them) were replaced by straight quotes").asWarning();
        assertThat(Finding.of(curly).kind()).isEqualTo(Finding.Kind.CURLY_QUOTES);
        assertThat(Finding.of(curly).severity()).isEqualTo(Severity.WARNING);
        assertThat(Finding.of(RulesetProblem.inFile("t.drl.xlsx", "cannot be read as XLSX: zip")).kind())
                .isEqualTo(Finding.Kind.UNREADABLE_FILE);
        Finding compile = Finding.of(RulesetProblem.atCell("t.drl.xlsx", "S", 10, "B", "unable to resolve"));
        assertThat(compile.kind()).isEqualTo(Finding.Kind.COMPILE_ERROR);
        assertThat(compile.location()).isEqualTo("t.drl.xlsx, sheet S, cell B10");
    }

    @Test
    void aFindingSerialisesWithoutEmptyFields() throws Exception {
        Finding finding = Finding.atCell(Severity.WARNING, Finding.Kind.RANGE_GAP, "t.drl.csv", "csv", 12, "A", "no row covers daysPastDue 61");
        assertThat(new ObjectMapper().writeValueAsString(finding)).isEqualTo(
                "{\"severity\":\"WARNING\",\"kind\":\"RANGE_GAP\",\"file\":\"t.drl.csv\",\"sheet\":\"csv\",\"row\":12,"
                        + "\"column\":\"A\",\"message\":\"no row covers daysPastDue 61\"}");
    }
}

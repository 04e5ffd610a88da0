package org.autocollections.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.autocollections.api.RulesetProblem;
import org.autocollections.api.RulesetProblem.Severity;
import org.autocollections.api.Message;
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
        Finding finding = Finding.atCell(Severity.WARNING, Finding.Kind.COMPILE_ERROR, "t.drl.csv", "csv", 12, "A",
                Message.verbatim("Unable to resolve ObjectType 'Foo'"));
        assertThat(new ObjectMapper().writeValueAsString(finding)).isEqualTo(
                "{\"severity\":\"WARNING\",\"kind\":\"COMPILE_ERROR\",\"file\":\"t.drl.csv\",\"sheet\":\"csv\",\"row\":12,"
                        + "\"column\":\"A\",\"message\":\"Unable to resolve ObjectType 'Foo'\"}");
    }

    @Test
    void aFindingOfOursKeepsItsSentenceAsKeyAndValuesSoItCanBeWordedInAnyLanguageLater() throws Exception {
        Finding finding = Finding.atCell(Severity.WARNING, Finding.Kind.RANGE_GAP, "t.drl.csv", "csv", 13, "A",
                Message.of("finding.RANGE_GAP.message", "daysPastDue 61", 12, 60, 13, 62));
        assertThat(finding.message()).isEqualTo("no row covers daysPastDue 61, between row 12 (to 60) and row 13 (from 62)");
        assertThat(new ObjectMapper().writeValueAsString(finding)).endsWith("\"words\":{\"key\":\"finding.RANGE_GAP.message\","
                + "\"values\":[\"daysPastDue 61\",\"12\",\"60\",\"13\",\"62\"]}}");
    }
}

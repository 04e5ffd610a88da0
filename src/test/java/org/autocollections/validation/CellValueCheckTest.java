package org.autocollections.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.drools.decisiontable.parser.ActionType.Code;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;
import org.autocollections.api.Message;

/** What a data cell may hold depends on where its column's code puts it: inside quotes, or as code. */
@DatabaseFree
class CellValueCheckTest {

    private static Optional<String> check(Code code, String pattern, String snippet, String cell) {
        return CellValueCheck.problem(new SheetLayout.Column(0, code, 0, pattern, snippet, "Title"), cell)
                .map(Message::english);
    }

    private static Optional<String> inQuotes(String cell) {
        return check(Code.ACTION, "", "insertLogical(new ContactLimit(\"$param\", 1));", cell);
    }

    private static Optional<String> asCode(String cell) {
        return check(Code.CONDITION, "$c : CaseFacts", "daysPastDue >= $param", cell);
    }

    @Test
    void textInQuotesMayHoldPunctuationButNoQuoteBackslashOrLineBreak() {
        assertThat(inQuotes("CBA guideline (2026); NIFA: no contact 22:00-08:00, && || == eval( System. new")).isEmpty();
        assertThat(inQuotes("borrower's")).isEmpty();
        assertThat(inQuotes("M1\") ; System.exit(0); //")).get().asString().contains("double quote");
        assertThat(inQuotes("M1\\u0022")).get().asString().contains("backslash");
        assertThat(inQuotes("two\nlines")).get().asString().contains("line break");
    }

    @Test
    void aValueUsedAsCodeMustBeANumberABooleanOrAnUpperCaseWord() {
        assertThat(asCode("30")).isEmpty();
        assertThat(asCode("-0.75")).isEmpty();
        assertThat(asCode("true")).isEmpty();
        assertThat(asCode("PHONE")).isEmpty();
        assertThat(asCode("30 || true")).isPresent();
        assertThat(asCode("$c.getDaysPastDue()")).isPresent();
        assertThat(asCode("creditScore")).isPresent();
        assertThat(asCode("java.lang.Runtime.getRuntime()")).isPresent();
        assertThat(asCode("5,000")).get().asString().contains("thousands separators");
        assertThat(asCode("5%")).get().asString().contains("0.05");
    }

    @Test
    void eachValueOfAnIndexedCellIsCheckedWhereItLands() {
        String snippet = "daysPastDue >= $1, name == \"$2\"";
        assertThat(check(Code.CONDITION, "$c : CaseFacts", snippet, "1, early (M1)")).isEmpty();
        assertThat(check(Code.CONDITION, "$c : CaseFacts", snippet, "1 + 1, M1")).isPresent();
    }

    @Test
    void aConditionWithoutMarkerComparesWithQuotedTextAndAQuotedCellLosesItsQuotes() {
        assertThat(check(Code.CONDITION, "$b : OverdueBucket", "name", "\"M4\"")).isEmpty();
        assertThat(check(Code.CONDITION, "$b : OverdueBucket", "name", "M4\" || true || \"")).isPresent();
    }

    @Test
    void aSnippetWithoutMarkerIgnoresWhatItsCellsSay() {
        assertThat(check(Code.CONDITION, "", "eval(true)", "x \" ; y")).isEmpty();
    }

    @Test
    void attributeColumnsHaveTheirOwnRules() {
        assertThat(check(Code.SALIENCE, "", "", "10")).isEmpty();
        assertThat(check(Code.SALIENCE, "", "", "(10 + 1)")).get().asString().contains("whole number");
        assertThat(check(Code.DESCRIPTION, "", "", "the \"soft\" reminder")).isEmpty();
        assertThat(check(Code.DESCRIPTION, "", "", "one\nrule x")).get().asString().contains("line break");
        assertThat(check(Code.NAME, "", "", "Bucket \"M1\"")).get().asString().contains("double quote");
    }
}

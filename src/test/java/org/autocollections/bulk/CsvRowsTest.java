package org.autocollections.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.autocollections.DatabaseFree;
import org.junit.jupiter.api.Test;

/** A portfolio run's CSV keeps every column in its place, whatever a decision leaves empty. */
@DatabaseFree
class CsvRowsTest {

    @Test
    void aMissingValueIsAnEmptyCellAndTheColumnsAfterItStayInPlace() {
        assertThat(CsvRows.row("C-1", null, "SMS", null)).isEqualTo("C-1,,SMS,\n");
    }

    @Test
    void aValueHoldingTheSeparatorOrAQuoteIsQuoted() {
        assertThat(CsvRows.row("a,b", "say \"hi\"", "plain")).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",plain\n");
    }
}

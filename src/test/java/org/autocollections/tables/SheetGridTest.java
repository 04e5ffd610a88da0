package org.autocollections.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** Where a finding points an analyst: the column named as Excel names it, and the cell's text. */
@DatabaseFree
class SheetGridTest {

    @Test
    void columnsAreNamedAsExcelNamesThem() {
        assertThat(SheetGrid.columnName(0)).isEqualTo("A");
        assertThat(SheetGrid.columnName(25)).isEqualTo("Z");
        assertThat(SheetGrid.columnName(26)).isEqualTo("AA");
        assertThat(SheetGrid.columnName(51)).isEqualTo("AZ");
        assertThat(SheetGrid.columnName(52)).isEqualTo("BA");
        assertThat(SheetGrid.columnName(701)).isEqualTo("ZZ");
        assertThat(SheetGrid.columnName(702)).isEqualTo("AAA");
    }

    @Test
    void aCellNeverWrittenHasNoValue() {
        SheetGrid grid = new SheetGrid("Sheet1");
        grid.newRow(3, 4);
        grid.put(3, 1, "M2", -1);

        assertThat(grid.value(3, 1)).isEqualTo("M2");
        assertThat(grid.value(3, 0)).isNull();
        assertThat(grid.value(9, 1)).isNull();
    }
}

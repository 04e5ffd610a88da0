package org.autocollections.tables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** A table is known by its name whatever format it is kept in, so an uploaded workbook replaces its CSV. */
@DatabaseFree
class TableFormatTest {

    @Test
    void theFormatIsTheSuffixDroolsRecognises() {
        assertThat(TableFormat.of("decision-tables/overdue-buckets.drl.xlsx")).contains(TableFormat.XLSX);
        assertThat(TableFormat.of("decision-tables/overdue-buckets.drl.xls")).contains(TableFormat.XLS);
        assertThat(TableFormat.of("decision-tables/overdue-buckets.drl.csv")).contains(TableFormat.CSV);
        assertThat(TableFormat.of("decision-tables/overdue-buckets.xlsx")).isEmpty();
        assertThat(TableFormat.of("rules/overdue.drl")).isEmpty();
    }

    @Test
    void aWorkbookAndACsvOfTheSameTableShareTheirName() {
        assertThat(TableFormat.withoutSuffix("decision-tables/penalty-interest.drl.xlsx"))
                .isEqualTo(TableFormat.withoutSuffix("decision-tables/penalty-interest.drl.csv"))
                .isEqualTo("decision-tables/penalty-interest");
        assertThat(TableFormat.withoutSuffix("rules/overdue.drl")).isEqualTo("rules/overdue.drl");
    }
}

package org.autocollections.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** CSV rows (RFC 4180 quoting, only where a value needs it, by Jackson CSV) for the run's CSV output and the work list export. */
public final class CsvRows {

    private static final ObjectWriter WRITER = new CsvMapper()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writerFor(String[].class).with(CsvSchema.emptySchema());

    private CsvRows() {
    }

    /** One row; a missing value is an empty cell, never dropped (Jackson skips nulls in arrays, shifting the columns after them). */
    public static String row(String... values) {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = values[i] == null ? "" : values[i];
        }
        try {
            return WRITER.writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A CSV row could not be written", e);
        }
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

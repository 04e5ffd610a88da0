package org.autocollections.tables;

/**
 * A table that cannot be written in the format asked for without losing what Drools reads from it: a workbook with
 * tables on several sheets as one CSV file, a cell with a line break in CSV, a file that cannot be read at all. The
 * request is well formed but cannot be carried out: an API answers it as 422 Unprocessable Content.
 */
public class TableConversionException extends RuntimeException {

    private final String file;

    public TableConversionException(String file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public String file() {
        return file;
    }
}

package org.autocollections.tables;

import java.util.Optional;

/** The spreadsheet formats a decision table may come in; Drools recognises a table only by these suffixes. */
public enum TableFormat {
    XLSX(".drl.xlsx"), XLS(".drl.xls"), CSV(".drl.csv");

    private final String suffix;

    TableFormat(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    public static Optional<TableFormat> of(String path) {
        for (TableFormat format : values()) {
            if (path.endsWith(format.suffix)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * A path without its table format: the name under which a table is known whatever it is kept in, so that an
     * uploaded {@code x.drl.xlsx} is the namesake of {@code x.drl.csv}. Other paths are returned as they are.
     */
    public static String withoutSuffix(String path) {
        return of(path).map(f -> path.substring(0, path.length() - f.suffix().length())).orElse(path);
    }
}

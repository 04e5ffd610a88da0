package org.autocollections.regression;

/**
 * One data cell of a decision table (a condition or action value below a table's code rows), where it stands in its
 * CSV file so that a copy of the file with another value in it can be made without touching any other byte.
 *
 * @param file   the table's path, as the reasons name it (decision-tables/risk-rating.drl.csv)
 * @param sheet  the RuleTable's name
 * @param row    the file's line, 1-based, as the reasons cite it (#29)
 * @param column the column, 0-based
 * @param header the column's label (the row above the data)
 * @param value  the value as written, unquoted
 * @param start  where the cell's text starts in the file, quotes included
 * @param end    where it ends
 */
record TableCell(String file, String sheet, int row, int column, String header, String value, int start, int end) {

    /** As an analyst finds it: file#row, column letter and label. */
    String where() {
        return file + "#" + row + " " + (char) ('A' + column) + " (" + sheet + ": " + header + ")";
    }
}

package org.autocollections.tables;

import java.util.List;

/**
 * One sheet of a decision table rendered as DRL, with the spreadsheet row each generated rule came from, so fired
 * rules and compile errors can be reported against the sheet rather than the generated text.
 */
public record TranslatedSheet(String file, SheetGrid grid, String drl, List<GeneratedRule> rules) {

    /** A generated rule: its name, the DRL lines it spans (1-based, inclusive) and its 1-based sheet row. */
    public record GeneratedRule(String name, int firstLine, int lastLine, int row) {
    }

    public String sheet() {
        return grid.name();
    }

    /** {@code decision-tables/x.drl.xlsx#Sheet1!12}; a CSV file has no sheets, so {@code x.drl.csv#12}. */
    public String source(int row) {
        return TableReader.CSV_SHEET.equals(sheet()) ? file + "#" + row : file + "#" + sheet() + "!" + row;
    }

    public GeneratedRule ruleAtLine(int line) {
        for (GeneratedRule rule : rules) {
            if (line >= rule.firstLine() && line <= rule.lastLine()) {
                return rule;
            }
        }
        return null;
    }
}

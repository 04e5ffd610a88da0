package org.autocollections.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.autocollections.api.Message;
import org.autocollections.api.RulesetProblem.Severity;
import org.autocollections.tables.SheetGrid;

/**
 * Keeps the code of an uploaded table as it is in the active ruleset. The rows that hold code are the settings rows
 * (RuleSet, Import, Variables, Functions, and any other row outside a table but Notes, which Drools ignores), and for
 * each table the RuleTable row (its name prefixes every rule's name), the keyword row, the pattern row and the
 * snippet row. They are compared cell by cell as read, trimmed and with straight quotes, and each table relative to
 * its RuleTable cell, so a workbook may replace a CSV file, formatting does not count and rows may be added to or
 * removed from the tables above. A difference is a HEADER_CHANGED finding at the uploaded cell, with the given
 * severity (an ERROR for analysts, a WARNING for developers). A changed column title, which analysts are free to
 * reword, is a TITLE_CHANGED warning so the reviewer sees it.
 */
final class HeaderGuard {

    private static final String NOTES = "Notes";
    private static final String[] ROW_NAMES = {"the table's name", "the column type", "the pattern", "the column's code"};
    private static final String ANALYST = " This is part of the table's code, which only a developer may change.";
    private static final String DEVELOPER = " This is part of the table's code: check that the change is meant.";

    List<Finding> compare(String file, List<SheetLayout> upload, List<SheetLayout> base, Severity severity) {
        String code = note(severity);
        List<Finding> findings = new ArrayList<>();
        for (int s = 0; s < Math.max(upload.size(), base.size()); s++) {
            if (s >= base.size()) {
                findings.add(new Finding(severity, Finding.Kind.HEADER_CHANGED, file, upload.get(s).sheet(), null, null, null,
                        "this sheet adds tables the active version does not have." + code, null));
            } else if (s >= upload.size()) {
                findings.add(Finding.inFile(severity, Finding.Kind.HEADER_CHANGED, file, Message.verbatim(
                        "the tables of the active version's sheet '" + base.get(s).sheet() + "' are missing." + code)));
            } else {
                new SheetComparison(file, upload.get(s), base.get(s), severity, findings).run();
            }
        }
        return findings;
    }

    static String note(Severity severity) {
        return severity == Severity.ERROR ? ANALYST : DEVELOPER;
    }

    private record SheetComparison(String file, SheetLayout upload, SheetLayout base, Severity severity, List<Finding> findings) {

        void run() {
            String code = note(severity);
            compareSettings();
            List<SheetLayout.Table> mine = upload.tables();
            List<SheetLayout.Table> theirs = base.tables();
            for (int t = 0; t < Math.max(mine.size(), theirs.size()); t++) {
                if (t >= theirs.size()) {
                    SheetLayout.Table added = mine.get(t);
                    at(severity, Finding.Kind.HEADER_CHANGED, added.nameRow(), added.startColumn(),
                            "table '" + added.name() + "' is new: the active version has no such table here." + code);
                } else if (t >= mine.size()) {
                    findings.add(new Finding(severity, Finding.Kind.HEADER_CHANGED, file, upload.sheet(), null, null, null,
                            "table '" + theirs.get(t).name() + "' of the active version is missing." + code, null));
                } else {
                    compareTable(mine.get(t), theirs.get(t));
                }
            }
        }

        private void compareSettings() {
            String code = note(severity);
            List<SheetLayout.SettingsRow> mine = codeSettings(upload);
            List<SheetLayout.SettingsRow> theirs = codeSettings(base);
            for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
                if (i >= mine.size()) {
                    findings.add(new Finding(severity, Finding.Kind.HEADER_CHANGED, file, upload.sheet(), null, null, null,
                            "the settings row '" + String.join(" ", theirs.get(i).cells().values())
                                    + "' of the active version is missing." + code, null));
                    continue;
                }
                NavigableMap<Integer, String> now = mine.get(i).cells();
                NavigableMap<Integer, String> was = i < theirs.size() ? theirs.get(i).cells() : new TreeMap<>();
                Integer column = firstDifference(now, was);
                if (column != null) {
                    at(severity, Finding.Kind.HEADER_CHANGED, mine.get(i).row(), column, "the settings row reads '"
                            + String.join(" ", now.values()) + "' but the active version's reads '"
                            + String.join(" ", was.values()) + "'." + code);
                }
            }
        }

        private static List<SheetLayout.SettingsRow> codeSettings(SheetLayout sheet) {
            return sheet.settings().stream().filter(r -> !r.key().equalsIgnoreCase(NOTES)).toList();
        }

        private void compareTable(SheetLayout.Table mine, SheetLayout.Table theirs) {
            String code = note(severity);
            if (!mine.name().equals(theirs.name())) {
                at(severity, Finding.Kind.HEADER_CHANGED, mine.nameRow(), mine.startColumn(), ROW_NAMES[0] + " was '"
                        + theirs.name() + "' and is now '" + mine.name() + "'." + code);
            }
            for (int offset = SheetLayout.KEYWORD_ROW; offset <= SheetLayout.TITLE_ROW; offset++) {
                boolean merges = offset == SheetLayout.PATTERN_ROW;
                NavigableMap<Integer, String> now = relative(upload, mine, offset, merges);
                NavigableMap<Integer, String> was = relative(base, theirs, offset, merges);
                for (int column : new TreeSet<>(union(now, was))) {
                    String a = now.getOrDefault(column, "");
                    String b = was.getOrDefault(column, "");
                    if (a.equals(b)) {
                        continue;
                    }
                    int row = mine.nameRow() + offset;
                    int absolute = mine.startColumn() + column;
                    if (offset == SheetLayout.TITLE_ROW) {
                        findings.add(Finding.atCell(Severity.WARNING, Finding.Kind.TITLE_CHANGED, file, upload.sheet(),
                                row + 1, SheetGrid.columnName(absolute),
                                Message.of("finding.TITLE_CHANGED.message", quoted(b), quoted(a))));
                    } else {
                        at(severity, Finding.Kind.HEADER_CHANGED, row, absolute, ROW_NAMES[offset] + " was "
                                + quoted(plain(b)) + " and is now " + quoted(plain(a)) + describeMerge(a, b) + "." + code);
                    }
                }
            }
        }

        /** A header row's cells by column relative to the RuleTable cell; in the pattern row, with merged ranges. */
        private static NavigableMap<Integer, String> relative(SheetLayout sheet, SheetLayout.Table table, int offset,
                boolean merges) {
            NavigableMap<Integer, String> cells = new TreeMap<>();
            int row = table.nameRow() + offset;
            sheet.cells(row, table.startColumn()).forEach((column, text) -> {
                int start = sheet.mergeStart(row, column);
                String merged = merges && start != column ? MERGED + (start - table.startColumn()) : "";
                cells.put(column - table.startColumn(), text + merged);
            });
            return cells;
        }

        private static final String MERGED = "\u0000merged with column ";

        private static String plain(String cell) {
            int at = cell.indexOf(MERGED);
            return at < 0 ? cell : cell.substring(0, at);
        }

        private static String describeMerge(String now, String was) {
            boolean mergedNow = now.contains(MERGED);
            boolean mergedWas = was.contains(MERGED);
            if (plain(now).equals(plain(was)) && mergedNow != mergedWas) {
                return mergedNow ? " (the cell is now merged with the one before it)" : " (the cell is no longer merged with the one before it)";
            }
            return "";
        }

        private static java.util.Set<Integer> union(NavigableMap<Integer, String> a, NavigableMap<Integer, String> b) {
            java.util.Set<Integer> keys = new TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            return keys;
        }

        private static Integer firstDifference(NavigableMap<Integer, String> now, NavigableMap<Integer, String> was) {
            for (int column : union(now, was)) {
                if (!now.getOrDefault(column, "").equals(was.getOrDefault(column, ""))) {
                    return column;
                }
            }
            return null;
        }

        private static String quoted(String text) {
            return text.isEmpty() ? "empty" : "'" + text + "'";
        }

        /** A change to the table's code, worded here in English: the HEADER_CHANGED templates read it in other languages. */
        private void at(Severity severity, Finding.Kind kind, int row, int column, String message) {
            findings.add(Finding.atCell(severity, kind, file, upload.sheet(), row + 1, SheetGrid.columnName(column),
                    Message.verbatim(message)));
        }
    }
}

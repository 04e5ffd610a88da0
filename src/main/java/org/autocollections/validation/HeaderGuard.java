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
    /** The keys of this check's sentences, and of the words they name (the header rows, "empty", the note). */
    private static final String KEYS = "finding.HEADER_CHANGED.";
    private static final String[] ROW_NAMES = {"row.name", "row.type", "row.pattern", "row.code"};

    List<Finding> compare(String file, List<SheetLayout> upload, List<SheetLayout> base, Severity severity) {
        String code = note(severity);
        List<Finding> findings = new ArrayList<>();
        for (int s = 0; s < Math.max(upload.size(), base.size()); s++) {
            if (s >= base.size()) {
                findings.add(Finding.atCell(severity, Finding.Kind.HEADER_CHANGED, file, upload.get(s).sheet(), null, null,
                        Message.of(KEYS + "message.sheet-added", code)));
            } else if (s >= upload.size()) {
                findings.add(Finding.inFile(severity, Finding.Kind.HEADER_CHANGED, file,
                        Message.of(KEYS + "message.sheet-missing", base.get(s).sheet(), code)));
            } else {
                new SheetComparison(file, upload.get(s), base.get(s), severity, findings).run();
            }
        }
        return findings;
    }

    /** Who may change the table's code, said after each change: the analyst may not, the developer should check. */
    static String note(Severity severity) {
        return Message.word(KEYS + (severity == Severity.ERROR ? "note.analyst" : "note.developer"));
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
                    at(added.nameRow(), added.startColumn(), Message.of(KEYS + "message.table-added", added.name(), code));
                } else if (t >= mine.size()) {
                    findings.add(Finding.atCell(severity, Finding.Kind.HEADER_CHANGED, file, upload.sheet(), null, null,
                            Message.of(KEYS + "message.table-missing", theirs.get(t).name(), code)));
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
                    findings.add(Finding.atCell(severity, Finding.Kind.HEADER_CHANGED, file, upload.sheet(), null, null,
                            Message.of(KEYS + "message.settings-missing", String.join(" ", theirs.get(i).cells().values()),
                                    code)));
                    continue;
                }
                NavigableMap<Integer, String> now = mine.get(i).cells();
                NavigableMap<Integer, String> was = i < theirs.size() ? theirs.get(i).cells() : new TreeMap<>();
                Integer column = firstDifference(now, was);
                if (column != null) {
                    at(mine.get(i).row(), column, Message.of(KEYS + "message.settings-changed",
                            String.join(" ", now.values()), String.join(" ", was.values()), code));
                }
            }
        }

        private static List<SheetLayout.SettingsRow> codeSettings(SheetLayout sheet) {
            return sheet.settings().stream().filter(r -> !r.key().equalsIgnoreCase(NOTES)).toList();
        }

        private void compareTable(SheetLayout.Table mine, SheetLayout.Table theirs) {
            String code = note(severity);
            if (!mine.name().equals(theirs.name())) {
                at(mine.nameRow(), mine.startColumn(), Message.of(KEYS + "message.changed",
                        Message.word(KEYS + ROW_NAMES[0]), "'" + theirs.name() + "'", "'" + mine.name() + "'", "", code));
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
                        at(row, absolute, Message.of(KEYS + "message.changed", Message.word(KEYS + ROW_NAMES[offset]),
                                quotedOrEmpty(plain(b)), quotedOrEmpty(plain(a)), describeMerge(a, b), code));
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
                return Message.word(KEYS + (mergedNow ? "merged" : "unmerged"));
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

        /** A header cell as a change names it: quoted, or the word for an empty cell in the reader's language. */
        private static String quotedOrEmpty(String text) {
            return text.isEmpty() ? Message.word(KEYS + "empty") : "'" + text + "'";
        }

        /** A change to the table's code at a cell of the upload (row and column 0-based). */
        private void at(int row, int column, Message words) {
            findings.add(Finding.atCell(severity, Finding.Kind.HEADER_CHANGED, file, upload.sheet(), row + 1,
                    SheetGrid.columnName(column), words));
        }
    }
}

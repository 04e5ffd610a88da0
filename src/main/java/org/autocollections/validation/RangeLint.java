package org.autocollections.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.autocollections.api.Message;
import org.autocollections.api.RulesetProblem.Severity;
import org.autocollections.tables.SheetGrid;
import org.drools.decisiontable.parser.ActionType.Code;

/**
 * Checks the bands of range tables. A range is a pair of condition columns over one field of one pattern, a lower
 * bound ({@code field >= $param} or {@code >}) and an upper one ({@code <=} or {@code <}); an empty bound cell is
 * open. Rows whose other condition cells are all equal (an empty cell counting as its own value, "any") form a group,
 * and within a group:
 * <ul>
 * <li>RANGE_GAP (WARNING): a value between the group's bands that no row covers. Only values between bands: below
 * the first band or above the last, nothing is claimed (a plan window that starts at day 1 leaves day 0 uncovered by
 * design). A warning, because a gap is sometimes meant: the case simply gets no conclusion from this table.</li>
 * <li>RANGE_OVERLAP (WARNING): two rows that both cover a value, so both fire. A warning, because tables that list
 * windows rather than bands overlap on purpose; a table whose RuleTable name has the word "window" or "windows" is such
 * a table (the RuleTable row is code, so only a developer names a table so) and its overlaps are not reported.</li>
 * <li>UNREACHABLE_ROW (ERROR): a row whose band is empty (from 90 to 30), or, in a first-match table (rows sharing an
 * ACTIVATION-GROUP value, or the whole file under a RuleSet-level ACTIVATION-GROUP), a row whose band an earlier row
 * already covers, or whose conditions an earlier row repeats. An error, because such a row has no effect whatever the
 * case, which is never what an analyst means: it is a typo or a row in the wrong place, and silently keeping it would
 * make the table say something it does not do.</li>
 * </ul>
 * In any table with conditions, two rows with the same conditions in a table that is not first-match are a
 * DUPLICATE_CONDITIONS WARNING (both always fire together; two discounts for one bucket, say), and not reported again
 * as an overlap. "Earlier" is the order in which Drools tries the rows: higher PRIORITY first, then top to bottom.
 * Bounds are compared exactly (BigDecimal); a field holding whole numbers, known from the fact class, or failing that
 * from every bound being written as a whole number, has its bands made whole first, so 1-30 and 31-60 meet.
 *
 * <p>Over 300 lines on purpose: the three findings share one grouping of rows and one order of trying them; split
 * apart, each would repeat both, and a change to one would drift from the others.
 */
final class RangeLint {

    private static final Pattern WINDOWS = Pattern.compile("(?i)\\bwindows?\\b");
    private static final String ACTIVATION_GROUP = "ACTIVATION-GROUP";

    private record Bound(SheetLayout.Column column, Snippet snippet, Snippet.Comparison comparison) {
    }

    private record Axis(String field, String pattern, Bound lower, Bound upper) {
    }

    private final FieldTypes types;

    RangeLint(FieldTypes types) {
        this.types = types;
    }

    List<Finding> lint(String file, SheetLayout sheet) {
        List<Finding> findings = new ArrayList<>();
        for (SheetLayout.Table table : sheet.tables()) {
            new TableLint(file, sheet, table, findings).run();
        }
        return findings;
    }

    private final class TableLint {
        private final String file;
        private final SheetLayout sheet;
        private final SheetLayout.Table table;
        private final List<Finding> findings;
        private final List<SheetLayout.Column> conditions;
        private final List<Integer> firingOrder;
        private final Set<String> duplicates = new HashSet<>();

        TableLint(String file, SheetLayout sheet, SheetLayout.Table table, List<Finding> findings) {
            this.file = file;
            this.sheet = sheet;
            this.table = table;
            this.findings = findings;
            this.conditions = table.columns(Code.CONDITION);
            this.firingOrder = firingOrder();
        }

        void run() {
            if (conditions.isEmpty()) {
                return;
            }
            findDuplicates();
            for (Axis axis : axes()) {
                lintAxis(axis);
            }
        }

        private List<Integer> firingOrder() {
            Optional<SheetLayout.Column> priority = table.column(Code.SALIENCE);
            boolean sequential = sheet.setting("Sequential").stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            List<Integer> rows = new ArrayList<>(table.dataRows());
            if (priority.isPresent() && !sequential) {
                rows.sort(Comparator.comparing((Integer row) -> -priorityOf(row, priority.get())));
            }
            return rows;
        }

        private long priorityOf(int row, SheetLayout.Column priority) {
            try {
                return Long.parseLong(sheet.text(row, priority.index()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        private String activationGroup(int row) {
            Optional<SheetLayout.Column> column = table.column(Code.ACTIVATIONGROUP);
            if (column.isPresent()) {
                return sheet.text(row, column.get().index());
            }
            List<String> fileWide = sheet.setting(ACTIVATION_GROUP);
            return fileWide.isEmpty() ? "" : fileWide.get(0);
        }

        private boolean firstMatch(int a, int b) {
            String group = activationGroup(a);
            return !group.isEmpty() && group.equals(activationGroup(b));
        }

        private boolean earlier(int a, int b) {
            return firingOrder.indexOf(a) < firingOrder.indexOf(b);
        }

        private void findDuplicates() {
            Map<List<String>, Integer> seen = new LinkedHashMap<>();
            for (int row : firingOrder) {
                List<String> key = conditions.stream().map(c -> sheet.text(row, c.index())).toList();
                Integer first = seen.putIfAbsent(key, row);
                if (first == null) {
                    continue;
                }
                duplicates.add(pair(first, row));
                String column = SheetGrid.columnName(conditions.get(0).index());
                if (firstMatch(first, row)) {
                    report(Severity.ERROR, Finding.Kind.UNREACHABLE_ROW, row, column,
                            Message.of("finding.UNREACHABLE_ROW.message.same-conditions", row + 1, first + 1));
                } else {
                    report(Severity.WARNING, Finding.Kind.DUPLICATE_CONDITIONS, row, column,
                            Message.of("finding.DUPLICATE_CONDITIONS.message", row + 1, first + 1));
                }
            }
        }

        private static String pair(int a, int b) {
            return Math.min(a, b) + ":" + Math.max(a, b);
        }

        /** Condition columns comparing one field of one pattern from below and from above. */
        private List<Axis> axes() {
            Map<String, List<Bound>> lowers = new LinkedHashMap<>();
            Map<String, List<Bound>> uppers = new LinkedHashMap<>();
            for (SheetLayout.Column column : conditions) {
                Snippet snippet = Snippet.of(column);
                for (Snippet.Comparison comparison : snippet.comparisons()) {
                    String key = column.patternColumn() + ":" + comparison.field();
                    (comparison.lower() ? lowers : uppers).computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Bound(column, snippet, comparison));
                }
            }
            List<Axis> axes = new ArrayList<>();
            for (Map.Entry<String, List<Bound>> lower : lowers.entrySet()) {
                List<Bound> upper = uppers.get(lower.getKey());
                if (lower.getValue().size() == 1 && upper != null && upper.size() == 1) {
                    Bound from = lower.getValue().get(0);
                    axes.add(new Axis(from.comparison().field(), from.column().pattern(), from, upper.get(0)));
                }
            }
            return axes;
        }

        private void lintAxis(Axis axis) {
            boolean whole = wholeNumbers(axis);
            Map<List<String>, List<Band>> groups = new LinkedHashMap<>();
            for (int row : table.dataRows()) {
                Optional<Band> band = band(axis, row, whole);
                if (band.isEmpty()) {
                    continue; // a bound that is not a number: the compiler reports it
                }
                if (band.get().empty()) {
                    report(Severity.ERROR, Finding.Kind.UNREACHABLE_ROW, row, column(axis.upper()),
                            Message.of("finding.UNREACHABLE_ROW.message.empty-band", row + 1, axis.field(),
                                    cell(axis.lower(), row), cell(axis.upper(), row)));
                    continue;
                }
                List<String> context = conditions.stream()
                        .filter(c -> c != axis.lower().column() && c != axis.upper().column())
                        .map(c -> sheet.text(row, c.index())).toList();
                groups.computeIfAbsent(context, k -> new ArrayList<>()).add(band.get());
            }
            for (List<Band> group : groups.values()) {
                checkGroup(axis, group, whole);
            }
        }

        private void checkGroup(Axis axis, List<Band> group, boolean whole) {
            boolean windows = WINDOWS.matcher(table.name()).find();
            for (int j = 0; j < group.size(); j++) {
                Band later = group.get(j);
                for (Band other : group) {
                    if (other == later || !earlier(other.row(), later.row()) || duplicates.contains(pair(other.row(), later.row()))) {
                        continue;
                    }
                    if (firstMatch(other.row(), later.row())) {
                        if (other.covers(later)) {
                            report(Severity.ERROR, Finding.Kind.UNREACHABLE_ROW, later.row(), column(axis.lower()),
                                    Message.of("finding.UNREACHABLE_ROW.message.covered", other.row() + 1,
                                            later.row() + 1, later.describe(axis.field(), whole)));
                            break;
                        }
                    } else if (!windows) {
                        Optional<Band> both = other.overlap(later);
                        if (both.isPresent()) {
                            boolean startsInside = Band.BY_START.compare(other, later) <= 0;
                            report(Severity.WARNING, Finding.Kind.RANGE_OVERLAP, later.row(),
                                    column(startsInside ? axis.lower() : axis.upper()),
                                    Message.of("finding.RANGE_OVERLAP.message", other.row() + 1, later.row() + 1,
                                            both.get().describe(axis.field(), whole)));
                        }
                    }
                }
            }
            List<Band> byStart = new ArrayList<>(group);
            byStart.sort(Band.BY_START);
            Band reach = byStart.get(0);
            for (Band next : byStart.subList(1, byStart.size())) {
                Optional<Band> gap = reach.gapBefore(next, whole);
                if (gap.isPresent()) {
                    report(Severity.WARNING, Finding.Kind.RANGE_GAP, next.row(), column(axis.lower()),
                            Message.of("finding.RANGE_GAP.message", gap.get().describe(axis.field(), whole),
                                    reach.row() + 1, cell(axis.upper(), reach.row()), next.row() + 1,
                                    cell(axis.lower(), next.row())));
                }
                if (Band.BY_END.compare(next, reach) > 0) {
                    reach = next;
                }
            }
        }

        private boolean wholeNumbers(Axis axis) {
            List<String> imports = new ArrayList<>();
            sheet.setting("Import").forEach(v -> imports.addAll(List.of(v.split(","))));
            List<String> ruleSet = sheet.setting("RuleSet");
            Optional<Boolean> known = types.isWholeNumber(axis.pattern(), axis.field(), imports,
                    ruleSet.isEmpty() ? null : ruleSet.get(0));
            if (known.isPresent()) {
                return known.get();
            }
            for (int row : table.dataRows()) {
                for (Bound bound : List.of(axis.lower(), axis.upper())) {
                    Optional<BigDecimal> value = value(bound, row);
                    if (value.isPresent() && value.get().scale() > 0) {
                        return false;
                    }
                }
            }
            return true;
        }

        private Optional<Band> band(Axis axis, int row, boolean whole) {
            String lo = cell(axis.lower(), row);
            String hi = cell(axis.upper(), row);
            Optional<BigDecimal> from = value(axis.lower(), row);
            Optional<BigDecimal> to = value(axis.upper(), row);
            if (!lo.isEmpty() && from.isEmpty() || !hi.isEmpty() && to.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Band.of(row, from.orElse(null), axis.lower().comparison().inclusive(), to.orElse(null),
                    axis.upper().comparison().inclusive(), whole));
        }

        /** The text of a bound's value in a row: the whole cell, or its part for $1, $2. */
        private String cell(Bound bound, int row) {
            String text = sheet.text(row, bound.column().index());
            if (text.isEmpty()) {
                return "";
            }
            List<String> values = bound.snippet().values(text);
            int index = bound.comparison().value();
            return index < values.size() ? values.get(index) : "";
        }

        private Optional<BigDecimal> value(Bound bound, int row) {
            String text = cell(bound, row);
            try {
                return text.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        private String column(Bound bound) {
            return SheetGrid.columnName(bound.column().index());
        }

        private void report(Severity severity, Finding.Kind kind, int row, String column, Message message) {
            findings.add(Finding.atCell(severity, kind, file, sheet.sheet(), row + 1, column, message));
        }
    }
}

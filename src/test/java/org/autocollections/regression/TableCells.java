package org.autocollections.regression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.autocollections.tables.PolicyFile;

/**
 * The data cells of a CSV decision table and the small edits an analyst could make to each by mistake: a number one
 * unit up and one unit down (the unit of its last written digit: a day, a point, a cent, 0.01 of a rate), a flag
 * flipped, a code replaced by the next other code its column holds. Cells left alone, and why: empty ones (an empty
 * condition means "any"; filling one would need a value nobody chose), prose (reasons' wording, sources: words shown to
 * people, not figures or codes of the answer), DESCRIPTION columns (never compiled) and a code whose column holds no
 * other code to swap it for.
 */
final class TableCells {

    /** An edited copy of one cell. */
    record Mutation(TableCell cell, String to) {

        PolicyFile applyTo(PolicyFile table) {
            String text = table.text();
            String written = to.contains(",") || to.contains("\"") ? '"' + to.replace("\"", "\"\"") + '"' : to;
            return new PolicyFile(table.path(), (text.substring(0, cell.start()) + written + text.substring(cell.end()))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return cell.where() + " " + cell.value() + " -> " + to;
        }
    }

    /** Every cell found, the edits of those that get one, and the count of those that do not, by reason. */
    record Scan(List<TableCell> cells, Map<TableCell, List<Mutation>> mutations, Map<String, Integer> skipped) {
    }

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final Pattern FLAG = Pattern.compile("true|false", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_+-]+(?:,? [A-Z0-9_+-]+)*|[a-z]\\w*(?:\\.\\w+)+");
    private static final int CODE_ROWS = 4;

    private TableCells() {
    }

    static Scan scan(PolicyFile table) {
        List<TableCell> cells = new ArrayList<>();
        String text = table.text();
        List<int[]> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            List<int[]> first = cellsOf(text, lines.get(i));
            String head = value(text, first.get(0));
            if (!head.startsWith("RuleTable ") || i + CODE_ROWS >= lines.size()) {
                continue;
            }
            String sheet = head.substring("RuleTable ".length()).strip();
            List<int[]> kinds = cellsOf(text, lines.get(i + 1));
            List<int[]> headers = cellsOf(text, lines.get(i + CODE_ROWS));
            int r = i + CODE_ROWS + 1;
            for (; r < lines.size(); r++) {
                List<int[]> row = cellsOf(text, lines.get(r));
                if (row.stream().allMatch(c -> value(text, c).isBlank())) {
                    break;
                }
                for (int c = 0; c < Math.min(row.size(), kinds.size()); c++) {
                    String kind = value(text, kinds.get(c)).strip();
                    if (kind.equals("CONDITION") || kind.equals("ACTION")) {
                        String header = c < headers.size() ? value(text, headers.get(c)) : "";
                        int[] at = row.get(c);
                        cells.add(new TableCell(table.path(), sheet, r + 1, c, header, value(text, at), at[0], at[1]));
                    }
                }
            }
            i = r - 1;
        }
        return mutationsOf(cells);
    }

    private static Scan mutationsOf(List<TableCell> cells) {
        Map<TableCell, List<Mutation>> mutations = new LinkedHashMap<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (TableCell cell : cells) {
            String v = cell.value().strip();
            List<String> to = new ArrayList<>();
            String skip = null;
            if (v.isEmpty()) {
                skip = "empty";
            } else if (INTEGER.matcher(v).matches() || DECIMAL.matcher(v).matches()) {
                BigDecimal n = new BigDecimal(v);
                BigDecimal unit = BigDecimal.ONE.movePointLeft(n.scale());
                to.add(n.add(unit).toPlainString());
                to.add(n.subtract(unit).toPlainString());
            } else if (FLAG.matcher(v).matches()) {
                to.add(Boolean.toString(!Boolean.parseBoolean(v)));
            } else if (CODE.matcher(v).matches()) {
                otherCode(cell, cells).ifPresent(to::add);
                skip = to.isEmpty() ? "a code with no other code in its column" : null;
            } else {
                skip = "prose";
            }
            if (skip != null) {
                skipped.merge(skip, 1, Integer::sum);
            } else {
                mutations.put(cell, to.stream().map(t -> new Mutation(cell, t)).toList());
            }
        }
        return new Scan(cells, mutations, skipped);
    }

    /** The next code after this one among the distinct codes of its column, in the order they are written. */
    private static java.util.Optional<String> otherCode(TableCell cell, List<TableCell> cells) {
        Set<String> column = new LinkedHashSet<>();
        cells.stream().filter(c -> c.file().equals(cell.file()) && c.sheet().equals(cell.sheet()) && c.column() == cell.column())
                .map(c -> c.value().strip()).filter(s -> !s.isEmpty()).forEach(column::add);
        List<String> codes = new ArrayList<>(column);
        if (codes.size() < 2) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(codes.get((codes.indexOf(cell.value().strip()) + 1) % codes.size()));
    }

    /** Each line's start and end (without its line break). */
    private static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                if (i < text.length() || end > start) {
                    lines.add(new int[] {start, end});
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** Each cell's start and end in the text; a quoted cell's quotes are part of it. */
    private static List<int[]> cellsOf(String text, int[] line) {
        List<int[]> cells = new ArrayList<>();
        int start = line[0];
        boolean quoted = false;
        for (int i = line[0]; i <= line[1]; i++) {
            if (i == line[1] || (!quoted && text.charAt(i) == ',')) {
                cells.add(new int[] {start, i});
                start = i + 1;
            } else if (text.charAt(i) == '"') {
                quoted = !quoted;
            }
        }
        return cells;
    }

    private static String value(String text, int[] cell) {
        String raw = text.substring(cell[0], cell[1]);
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return raw.substring(1, raw.length() - 1).replace("\"\"", "\"");
        }
        return raw;
    }
}

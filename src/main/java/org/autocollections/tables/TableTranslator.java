package org.autocollections.tables;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.autocollections.api.RulesetProblem;
import org.drools.decisiontable.parser.ActionType;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.model.DRLOutput;
import org.drools.template.model.Package;
import org.drools.template.model.Rule;

/**
 * Turns a decision-table file into DRL, one sheet at a time, after the checks Drools leaves out: header keywords
 * spelled exactly, and Excel's curly quotes straightened (with a warning) instead of a cryptic parser error.
 */
public final class TableTranslator {

    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("cell ([A-Z]+)(\\d+)");
    private static final Pattern RULE_LINE = Pattern.compile("^rule \"(.*)\"");

    /** What came out of one file: the translated sheets and anything wrong with them. */
    public record Result(List<TranslatedSheet> sheets, List<RulesetProblem> problems) {
        public boolean failed() {
            return problems.stream().anyMatch(p -> p.severity() == RulesetProblem.Severity.ERROR);
        }
    }

    private final TableReader reader = new TableReader();

    public Result translate(PolicyFile file) {
        TableFormat format = TableFormat.of(file.path()).orElseThrow();
        List<RulesetProblem> problems = new ArrayList<>();
        List<TranslatedSheet> sheets = new ArrayList<>();
        List<SheetGrid> grids;
        try {
            grids = reader.read(format, file.content());
        } catch (IOException | RuntimeException e) {
            problems.add(RulesetProblem.inFile(file.path(), "cannot be read as " + format.name() + ": " + rootMessage(e)));
            return new Result(sheets, problems);
        }
        List<SheetGrid> tables = grids.stream().filter(TableTranslator::hasRuleTable).toList(); // skip notes and charts
        for (SheetGrid grid : tables) {
            grid.notes().forEach(note -> problems.add(RulesetProblem.atCell(file.path(), grid.name(), note.row() + 1,
                    SheetGrid.columnName(note.column()), note.message()).asWarning()));
            straightenQuotes(file.path(), grid, problems);
            int before = problems.size();
            checkHeaders(file.path(), grid, problems);
            if (problems.size() == before) {
                // Tables on several sheets may share a name; the sheet name keeps their rule names apart.
                render(file.path(), grid, tables.size() > 1, problems).ifPresent(sheets::add);
            }
        }
        if (sheets.isEmpty() && problems.isEmpty()) {
            problems.add(RulesetProblem.inFile(file.path(), "has no sheet with a RuleTable cell"));
        }
        return new Result(sheets, problems);
    }

    private static boolean hasRuleTable(SheetGrid grid) {
        return grid.rows().values().stream().flatMap(r -> r.values().stream())
                .anyMatch(c -> isRuleTableCell(c.value()));
    }

    static boolean isRuleTableCell(String value) {
        return value != null && value.trim().toLowerCase().startsWith(DefaultRuleSheetListener.RULE_TABLE_TAG);
    }

    private static void straightenQuotes(String file, SheetGrid grid, List<RulesetProblem> problems) {
        for (Map.Entry<Integer, NavigableMap<Integer, SheetGrid.Cell>> row : grid.rows().entrySet()) {
            for (Map.Entry<Integer, SheetGrid.Cell> cell : row.getValue().entrySet()) {
                String value = cell.getValue().value();
                String straight = straightQuotes(value);
                if (!straight.equals(value)) {
                    grid.put(row.getKey(), cell.getKey(), straight, cell.getValue().mergedColStart());
                    problems.add(RulesetProblem.atCell(file, grid.name(), row.getKey() + 1,
                            SheetGrid.columnName(cell.getKey()),
                            "curly quotes (as Excel types them) were replaced by straight quotes").asWarning());
                }
            }
        }
    }

    /** A cell's text with Excel's curly quotes made straight, as the compiler reads it. */
    public static String straightQuotes(String value) {
        return value.replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"')
                .replace('\u2018', '\'').replace('\u2019', '\'');
    }

    /**
     * Drools matches a column header by its first letter, so a misspelt CONDITON still works and XONDITION silently
     * becomes an activation group. We accept only the exact keywords and their documented one-letter forms.
     */
    private static void checkHeaders(String file, SheetGrid grid, List<RulesetProblem> problems) {
        for (Map.Entry<Integer, NavigableMap<Integer, SheetGrid.Cell>> row : grid.rows().entrySet()) {
            for (Map.Entry<Integer, SheetGrid.Cell> cell : row.getValue().entrySet()) {
                if (!isRuleTableCell(cell.getValue().value())) {
                    continue;
                }
                NavigableMap<Integer, SheetGrid.Cell> header = grid.rows().get(row.getKey() + 1);
                if (header == null) {
                    problems.add(RulesetProblem.atCell(file, grid.name(), row.getKey() + 2,
                            SheetGrid.columnName(cell.getKey()), "a RuleTable needs a row of column headers below it"));
                    continue;
                }
                for (Map.Entry<Integer, SheetGrid.Cell> h : header.tailMap(cell.getKey(), true).entrySet()) {
                    String keyword = h.getValue().value().trim();
                    if (keyword.isEmpty()) {
                        continue;
                    }
                    if (!ActionType.getTag2code().containsKey(keyword.toUpperCase())) {
                        problems.add(RulesetProblem.atCell(file, grid.name(), row.getKey() + 2,
                                SheetGrid.columnName(h.getKey()), "unknown column header '" + keyword
                                        + "': use CONDITION, ACTION, PRIORITY, NAME, DESCRIPTION or another Drools keyword"));
                    }
                }
            }
        }
    }

    private static java.util.Optional<TranslatedSheet> render(String file, SheetGrid grid, boolean nameBySheet,
            List<RulesetProblem> problems) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        if (nameBySheet) {
            listener.setWorksheetName(grid.name());
        }
        String drl;
        Package pkg;
        try {
            grid.replay(listener);
            pkg = listener.getRuleSet();
            DRLOutput out = new DRLOutput();
            pkg.renderDRL(out);
            drl = out.getDRL();
        } catch (RuntimeException e) {
            problems.add(structuralProblem(file, grid.name(), rootMessage(e)));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new TranslatedSheet(file, grid, drl, locateRules(drl, pkg)));
    }

    private static List<TranslatedSheet.GeneratedRule> locateRules(String drl, Package pkg) {
        Map<String, Integer> rowByName = new java.util.HashMap<>();
        for (Rule rule : pkg.getRules()) {
            rowByName.put(unquote(rule.getName()), rule.getSpreadsheetRowNumber());
        }
        List<TranslatedSheet.GeneratedRule> rules = new ArrayList<>();
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_LINE.matcher(lines[i]);
            if (m.find()) {
                int end = i;
                while (end < lines.length - 1 && !lines[end].trim().equals("end")) {
                    end++;
                }
                String name = m.group(1);
                rules.add(new TranslatedSheet.GeneratedRule(name, i + 1, end + 1, rowByName.getOrDefault(name, 0)));
                i = end;
            }
        }
        return rules;
    }

    private static RulesetProblem structuralProblem(String file, String sheet, String message) {
        Matcher m = CELL_IN_MESSAGE.matcher(message);
        if (m.find()) {
            return RulesetProblem.atCell(file, sheet, Integer.parseInt(m.group(2)), m.group(1), message);
        }
        return new RulesetProblem(RulesetProblem.Severity.ERROR, file, sheet, null, null, null, message);
    }

    private static String unquote(String name) {
        return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }

    static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}

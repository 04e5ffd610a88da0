package org.autocollections.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.autocollections.api.Language;
import org.autocollections.api.RulesetProblem;
import org.autocollections.policy.Conclusion;
import org.autocollections.policy.ReasonKinds;
import org.autocollections.tables.PolicyFile;
import org.autocollections.tables.SheetGrid;
import org.autocollections.tables.TableFormat;
import org.autocollections.tables.TableReader;

/**
 * The policy's words: how each reason is worded, and each collector's script titled and explained, in every language
 * the service speaks. Read from {@code decision-tables/wording.csv}, one row per reason code (or family of codes) and
 * per script, one column per language, so a translator sees the English beside the Chinese and a missing translation
 * is an empty cell in its row. Compiled with the ruleset: a cell that does not read, names a parameter its reason does
 * not have, or leaves a reason or script without words in a language is an error pinned to its cell, and the file is
 * part of the version's hash like any table.
 */
public final class Wording {

    public static final String FILE = "wording.csv";
    public static final String PATH = "decision-tables/" + FILE;

    private static final String REASON = "reason";
    private static final String SCRIPT_TITLE = "script title";
    private static final String SCRIPT_PURPOSE = "script purpose";
    private static final String COLUMN_TITLE = "column title";
    private static final String TABLE_NOTES = "table notes";

    /** A collector's script as one language names it. */
    public record Script(String id, String title, String purpose) {
    }

    /** The reasons' templates of one language: each code's own row, then the families', longest first. */
    private record Templates(Map<String, WordingTemplate> exact, List<Map.Entry<String, WordingTemplate>> families,
            Map<String, Optional<WordingTemplate>> resolved) {

        Optional<WordingTemplate> of(String code) {
            Optional<WordingTemplate> found = resolved.get(code);
            if (found == null) {
                found = Optional.ofNullable(exact.get(code)).or(() -> families.stream()
                        .filter(f -> code.startsWith(f.getKey())).map(Map.Entry::getValue).findFirst());
                // the codes of a ruleset are few (tables name the factors and buckets), so this stays small
                resolved.put(code, found);
            }
            return found;
        }
    }

    private final Map<Language, Templates> templates;
    private final Map<Language, List<Script>> scripts;
    private final Map<String, Map<Language, String>> columnTitles;
    private final Map<String, Map<Language, String>> tableNotes;

    private Wording(Map<Language, Templates> templates, Map<Language, List<Script>> scripts,
            Map<String, Map<Language, String>> columnTitles, Map<String, Map<Language, String>> tableNotes) {
        this.templates = templates;
        this.scripts = scripts;
        this.columnTitles = columnTitles;
        this.tableNotes = tableNotes;
    }

    /**
     * A table's notes in a language other than English, by the table's name ({@code overdue-buckets}); the English
     * is the table's own Notes row, so it is never kept twice.
     */
    public Optional<String> tableNotes(String table, Language language) {
        return Optional.ofNullable(tableNotes.get(table)).map(t -> t.get(language));
    }

    /**
     * A table column's title in a language, by the title the table gives it (in English): the workbook an analyst
     * downloads shows both, so a Chinese-reading analyst and an English-reading reviewer name the same column.
     */
    public Optional<String> columnTitle(String title, Language language) {
        return Optional.ofNullable(columnTitles.get(title.strip())).map(t -> t.get(language));
    }

    /** The wording of a ruleset's files, or the shipped wording when they have none or it does not read. */
    public static Wording ofFiles(List<PolicyFile> files) {
        Wording wording = of(files, new ArrayList<>());
        return wording == null ? Shipped.WORDING : wording;
    }

    public static boolean isWordingFile(String path) {
        return path.equals(PATH) || path.equals(FILE);
    }

    /** The template a reason code is worded with in the language, if any: its own row's, else its family's. */
    Optional<WordingTemplate> template(Language language, String code) {
        return templates.get(language).of(code);
    }

    /** The scripts in the file's order, worded in the language. */
    public List<Script> scripts(Language language) {
        return scripts.get(language);
    }

    /** Words reasons for one reader: in a language, with amounts in the case's currency (none: no symbol). */
    public Words words(Language language, Currency currency) {
        return new Words(templates.get(language), new WordingTemplate.Writing(language.locale(), currency));
    }

    /** The words of reasons in one language. */
    public static final class Words {
        private final Templates templates;
        private final WordingTemplate.Writing writing;

        private Words(Templates templates, WordingTemplate.Writing writing) {
            this.templates = templates;
            this.writing = writing;
        }

        /**
         * The reason in words. A code the wording file does not know (a rule file's own new reason, before its row is
         * added) is given by its explanation, else by its code, rather than failing the decision.
         */
        public String word(Conclusion reason) {
            Optional<WordingTemplate> template = templates.of(reason.code());
            if (template.isPresent()) {
                return template.get().render(reason::parameter, writing);
            }
            Object why = reason.parameter("why");
            return why == null ? reason.code() : why.toString();
        }
    }

    /**
     * The wording of a ruleset's files; a ruleset without a wording file (a table tried on its own) is worded as the
     * service ships it. Problems are added to {@code problems}; with an error among them the result is null.
     */
    static Wording of(List<PolicyFile> files, List<RulesetProblem> problems) {
        Optional<PolicyFile> file = files.stream().filter(f -> isWordingFile(f.path())).findFirst();
        return file.isPresent() ? read(file.get(), problems) : Shipped.WORDING;
    }

    /** The wording the service ships ({@value #PATH} as packaged), read once. */
    public static Wording shipped() {
        return Shipped.WORDING;
    }

    /** The wording bundled with the service, read once. */
    private static final class Shipped {
        static final Wording WORDING = bundled();

        private static Wording bundled() {
            try (InputStream in = Wording.class.getClassLoader().getResourceAsStream(RulesetSource.BUNDLED_ROOT + PATH)) {
                if (in == null) {
                    throw new IllegalStateException("The service is packaged without " + PATH);
                }
                List<RulesetProblem> problems = new ArrayList<>();
                Wording wording = read(new PolicyFile(PATH, in.readAllBytes()), problems);
                if (wording == null) {
                    throw new IllegalStateException("The packaged " + PATH + " does not compile: " + problems);
                }
                return wording;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Wording read(PolicyFile file, List<RulesetProblem> problems) {
        return new FileReading(file, problems).read();
    }

    /** One reading of the file, collecting its problems. */
    private static final class FileReading {
        private final PolicyFile file;
        private final List<RulesetProblem> problems;
        private boolean failed;

        FileReading(PolicyFile file, List<RulesetProblem> problems) {
            this.file = file;
            this.problems = problems;
        }

        private void error(int row, int column, String message) {
            failed = true;
            problems.add(RulesetProblem.atCell(file.path(), TableReader.CSV_SHEET, row + 1, SheetGrid.columnName(column), message));
        }

        private void error(String message) {
            failed = true;
            problems.add(RulesetProblem.inFile(file.path(), message));
        }

        Wording read() {
            SheetGrid grid;
            try {
                grid = new TableReader().read(TableFormat.CSV, file.content()).get(0);
            } catch (IOException | RuntimeException e) {
                error("cannot be read as CSV: " + e.getMessage());
                return null;
            }
            Integer header = null;
            for (var row : grid.rows().entrySet()) {
                if ("Kind".equalsIgnoreCase(cell(grid, row.getKey(), 0)) && "Code".equalsIgnoreCase(cell(grid, row.getKey(), 1))) {
                    header = row.getKey();
                    break;
                }
            }
            if (header == null) {
                error("has no header row: a row starting with the columns Kind and Code, then one column per language");
                return null;
            }
            Map<Language, Integer> columns = new EnumMap<>(Language.class);
            for (var cell : grid.rows().get(header).entrySet()) {
                if (cell.getKey() >= 2) {
                    Language.ofTag(cell.getValue().value().strip()).ifPresent(l -> columns.putIfAbsent(l, cell.getKey()));
                }
            }
            for (Language language : Language.values()) {
                if (!columns.containsKey(language)) {
                    error("has no column for " + language.tag() + ": the header row needs one column titled so");
                }
            }
            if (failed) {
                return null;
            }
            Map<Language, Map<String, WordingTemplate>> exact = new EnumMap<>(Language.class);
            Map<Language, Map<String, WordingTemplate>> families = new EnumMap<>(Language.class);
            Map<Language, Map<String, String[]>> scripts = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                exact.put(language, new LinkedHashMap<>());
                families.put(language, new LinkedHashMap<>());
                scripts.put(language, new LinkedHashMap<>());
            }
            Map<String, Integer> reasonRows = new LinkedHashMap<>();
            Map<String, Integer> scriptRows = new LinkedHashMap<>();
            Map<String, Map<Language, String>> titles = new LinkedHashMap<>();
            Map<String, Integer> titleRows = new LinkedHashMap<>();
            Map<String, Map<Language, String>> notes = new LinkedHashMap<>();
            Map<String, Integer> notesRows = new LinkedHashMap<>();
            NavigableMap<Integer, ?> below = grid.rows().tailMap(header, false);
            for (int row : below.keySet()) {
                String kind = cell(grid, row, 0);
                String code = cell(grid, row, 1);
                if (kind.isEmpty() && code.isEmpty()) {
                    continue;
                }
                switch (kind.toLowerCase()) {
                    case REASON -> reason(grid, row, code, columns, exact, families, reasonRows);
                    case SCRIPT_TITLE, SCRIPT_PURPOSE -> script(grid, row, code, kind.toLowerCase().equals(SCRIPT_TITLE) ? 0 : 1,
                            columns, scripts, scriptRows);
                    case COLUMN_TITLE -> wordedOnce(grid, row, code, "a column title row needs the title as the tables "
                            + "write it (in English), such as From day", "the column title " + code, false, columns,
                            titles, titleRows);
                    case TABLE_NOTES -> wordedOnce(grid, row, code, "a table notes row needs the table's name, as its "
                            + "file is named without .drl.csv: overdue-buckets", "the notes of " + code, true, columns,
                            notes, notesRows);
                    default -> error(row, 0, "'" + kind + "' is no kind of row: write reason, script title, script "
                            + "purpose, column title or table notes");
                }
            }
            for (ReasonKinds.Kind kind : ReasonKinds.ALL) {
                if (!reasonRows.containsKey(kind.code())) {
                    error("has no row for the reason " + kind.code() + ": every reason is worded in every language "
                            + "(its parameters: " + String.join(", ", kind.parameters()) + ")");
                }
            }
            List<String> scriptIds = new ArrayList<>(new java.util.LinkedHashSet<>(scriptRows.keySet().stream()
                    .map(k -> k.substring(2)).toList()));
            for (String id : scriptIds) {
                for (int part = 0; part < 2; part++) {
                    if (!scriptRows.containsKey(part + ":" + id)) {
                        error("has no " + (part == 0 ? SCRIPT_TITLE : SCRIPT_PURPOSE) + " row for the script " + id);
                    }
                }
            }
            if (failed) {
                return null;
            }
            Map<Language, Templates> templates = new EnumMap<>(Language.class);
            Map<Language, List<Script>> worded = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                List<Map.Entry<String, WordingTemplate>> byPrefix = families.get(language).entrySet().stream()
                        .sorted(Comparator.comparing((Map.Entry<String, WordingTemplate> e) -> e.getKey().length()).reversed())
                        .toList();
                templates.put(language, new Templates(Map.copyOf(exact.get(language)), byPrefix, new ConcurrentHashMap<>()));
                worded.put(language, scriptIds.stream().map(id -> new Script(id, scripts.get(language).get(id)[0],
                        scripts.get(language).get(id)[1])).toList());
            }
            return new Wording(templates, worded, Map.copyOf(titles), Map.copyOf(notes));
        }

        /**
         * A row that words one thing once (a column title, a table's notes) in every language; a table's notes keep
         * their English in the table's own Notes row, so that cell stays empty here.
         */
        private void wordedOnce(SheetGrid grid, int row, String code, String needsCode, String what, boolean englishInTable,
                Map<Language, Integer> columns, Map<String, Map<Language, String>> into, Map<String, Integer> rows) {
            if (code.isEmpty()) {
                error(row, 1, needsCode);
                return;
            }
            if (rows.putIfAbsent(code, row) != null) {
                error(row, 1, what + " is worded already on row " + (rows.get(code) + 1));
                return;
            }
            Map<Language, String> worded = new EnumMap<>(Language.class);
            for (var column : columns.entrySet()) {
                String text = cell(grid, row, column.getValue());
                if (englishInTable && column.getKey() == Language.EN) {
                    if (!text.isEmpty()) {
                        error(row, column.getValue(), "the English of " + what + " is the table's own Notes row: "
                                + "leave this cell empty, so it is kept in one place");
                    }
                    continue;
                }
                if (text.isEmpty()) {
                    error(row, column.getValue(), "the " + column.getKey().tag() + " wording of " + what + " is missing");
                }
                worded.put(column.getKey(), text);
            }
            into.put(code, worded);
        }

        private void reason(SheetGrid grid, int row, String code, Map<Language, Integer> columns,
                Map<Language, Map<String, WordingTemplate>> exact, Map<Language, Map<String, WordingTemplate>> families,
                Map<String, Integer> rows) {
            Optional<ReasonKinds.Kind> kind = ReasonKinds.of(code);
            if (code.isEmpty() || kind.isEmpty() || (code.endsWith("*") && !kind.get().code().equals(code))) {
                error(row, 1, code.isEmpty() ? "a reason row needs its code"
                        : "no reason has the code " + code + "; the codes: " + String.join(", ",
                                ReasonKinds.ALL.stream().map(ReasonKinds.Kind::code).toList()));
                return;
            }
            if (rows.putIfAbsent(code, row) != null) {
                error(row, 1, code + " is worded already on row " + (rows.get(code) + 1));
                return;
            }
            // the kind's own row must speak every language; a row for one member of a family may leave a language
            // to the family's words
            boolean own = kind.get().code().equals(code);
            for (var column : columns.entrySet()) {
                Language language = column.getKey();
                String text = cell(grid, row, column.getValue());
                if (text.isEmpty()) {
                    if (own) {
                        error(row, column.getValue(), "the " + language.tag() + " wording of " + code + " is missing");
                    }
                    continue;
                }
                WordingTemplate template;
                try {
                    template = WordingTemplate.parse(text);
                } catch (IllegalArgumentException e) {
                    error(row, column.getValue(), e.getMessage());
                    continue;
                }
                List<String> unknown = template.parameters().stream()
                        .filter(p -> !kind.get().parameters().contains(p)).sorted().toList();
                if (!unknown.isEmpty()) {
                    error(row, column.getValue(), "names " + String.join(", ", unknown.stream().map(p -> "{" + p + "}").toList())
                            + ", which " + code + " does not have; its parameters: " + String.join(", ", kind.get().parameters()));
                    continue;
                }
                if (code.endsWith("*")) {
                    families.get(language).put(code.substring(0, code.length() - 1), template);
                } else {
                    exact.get(language).put(code, template);
                }
            }
        }

        private void script(SheetGrid grid, int row, String id, int part, Map<Language, Integer> columns,
                Map<Language, Map<String, String[]>> scripts, Map<String, Integer> rows) {
            if (id.isEmpty()) {
                error(row, 1, "a script row needs the script's id, as the contact-method table names it");
                return;
            }
            if (rows.putIfAbsent(part + ":" + id, row) != null) {
                error(row, 1, "the script " + id + " has this row already, on row " + (rows.get(part + ":" + id) + 1));
                return;
            }
            for (var column : columns.entrySet()) {
                String text = cell(grid, row, column.getValue());
                if (text.isEmpty()) {
                    error(row, column.getValue(), "the " + column.getKey().tag() + " " + (part == 0 ? "title" : "purpose")
                            + " of the script " + id + " is missing");
                }
                scripts.get(column.getKey()).computeIfAbsent(id, i -> new String[2])[part] = text;
            }
        }

        private static String cell(SheetGrid grid, int row, int column) {
            String value = grid.value(row, column);
            return value == null ? "" : value.strip();
        }
    }
}

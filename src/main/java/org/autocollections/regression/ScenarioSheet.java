package org.autocollections.regression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.autocollections.api.CaseField;
import org.autocollections.api.CaseReader;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.FieldMessage;
import org.autocollections.api.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An analyst's scenario sheet: one scenario per row, a {@code scenario} name column, case fields named by their path
 * in the case ({@code loan.overdueAmount}, {@code history.contacts[0].outcome}, {@code asOf}), an optional
 * {@code base} example the fields change (case-m2.json when absent), and expected decisions in columns named
 * {@code expect:} and a JSON pointer ({@code expect:/nextAction/type}), {@code expect:reasonCodes} or {@code
 * expect:reasonCodes.contains} (codes separated by |), each compared as {@link Expectation} says. An empty cell
 * leaves the base's value, or expects nothing; {@code null} removes the field.
 * Every fault of the sheet is reported at once, with its row and column.
 */
final class ScenarioSheet {

    private static final String SCENARIO = "scenario";
    private static final String BASE = "base";
    private static final String EXPECT = "expect:";
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final int MAX_ERRORS = 50;

    private enum Kind { SCENARIO, BASE, FIELD, EXPECT, IGNORED }

    /** A column; {@code field} is the case field a FIELD column sets. */
    private record Column(int index, String header, Kind kind, String target, CaseField field) {
        String letter() {
            return SheetCells.column(index);
        }
    }

    private final String file;
    private final ObjectMapper json;
    private final CaseReader validator;
    private final List<SheetError> errors = new ArrayList<>();

    private ScenarioSheet(String file, ObjectMapper json, CaseReader validator) {
        this.file = file;
        this.json = json;
        this.validator = validator;
    }

    /** The sheet's scenarios; throws {@link InvalidScenarioSheetException} naming every fault. */
    static List<RegressionCase> read(String file, byte[] content, ObjectMapper json, CaseReader validator) {
        return new ScenarioSheet(file, json, validator).scenarios(SheetCells.read(file, content));
    }

    private List<RegressionCase> scenarios(List<List<String>> rows) {
        if (rows.isEmpty() || rows.get(0).stream().allMatch(String::isBlank)) {
            throw new InvalidScenarioSheetException(SheetError.of(file, 1, null, null, Message.of(SheetError.KEYS + "header-missing")));
        }
        List<Column> columns = header(rows.get(0), rows);
        List<RegressionCase> scenarios = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int r = 1; r < rows.size() && errors.size() < MAX_ERRORS; r++) {
            List<String> cells = rows.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            row(r + 1, cells, columns, names).ifPresent(scenarios::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidScenarioSheetException(errors);
        }
        if (scenarios.isEmpty()) {
            throw new InvalidScenarioSheetException(SheetError.of(file, null, null, null, Message.of(SheetError.KEYS + "no-rows")));
        }
        return scenarios;
    }

    private List<Column> header(List<String> cells, List<List<String>> rows) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < cells.size(); c++) {
            String header = cells.get(c).strip();
            Column column = column(c, header, rows);
            if (column.kind() != Kind.IGNORED && !seen.add(header.toLowerCase(Locale.ROOT))) {
                error(1, column, Message.of(SheetError.KEYS + "column-twice"));
            }
            columns.add(column);
        }
        if (columns.stream().noneMatch(c -> c.kind() == Kind.SCENARIO)) {
            errors.add(SheetError.of(file, 1, null, SCENARIO, Message.of(SheetError.KEYS + "scenario-column")));
        }
        if (columns.stream().noneMatch(c -> c.kind() == Kind.EXPECT)) {
            errors.add(SheetError.of(file, 1, null, null, Message.of(SheetError.KEYS + "expect-column")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidScenarioSheetException(errors);
        }
        return columns;
    }

    private Column column(int index, String header, List<List<String>> rows) {
        String lower = header.toLowerCase(Locale.ROOT);
        if (header.isEmpty()) {
            boolean used = rows.stream().skip(1).anyMatch(r -> index < r.size() && !r.get(index).isBlank());
            Column blank = new Column(index, header, Kind.IGNORED, null, null);
            if (used) {
                error(1, blank, Message.of(SheetError.KEYS + "column-unnamed"));
            }
            return blank;
        }
        if (lower.equals(SCENARIO)) {
            return new Column(index, header, Kind.SCENARIO, null, null);
        }
        if (lower.equals(BASE)) {
            return new Column(index, header, Kind.BASE, null, null);
        }
        if (lower.startsWith(EXPECT)) {
            String pointer = header.substring(EXPECT.length()).strip();
            Column expect = new Column(index, header, Kind.EXPECT, pointer, null);
            Expectation.keyFault(pointer).ifPresent(fault -> error(1, expect, Message.verbatim(pointer + " " + fault)));
            return expect;
        }
        Optional<CaseField> path = CaseField.path(header);
        Column field = new Column(index, header, Kind.FIELD, header, path.orElse(null));
        if (path.isEmpty()) {
            error(1, field, Message.of(SheetError.KEYS + "not-a-column"));
        }
        return field;
    }

    private Optional<RegressionCase> row(int row, List<String> cells, List<Column> columns, Set<String> names) {
        int before = errors.size();
        String name = null;
        String baseName = CorpusExamples.DEFAULT_BASE;
        Column baseColumn = null;
        for (Column c : columns) {
            String value = cell(cells, c);
            if (c.kind() == Kind.SCENARIO) {
                name = value;
                if (value.isEmpty()) {
                    error(row, c, Message.of(SheetError.KEYS + "scenario-unnamed"));
                } else if (!names.add(value)) {
                    error(row, c, Message.of(SheetError.KEYS + "scenario-twice", value));
                }
            } else if (c.kind() == Kind.BASE && !value.isEmpty()) {
                baseName = value;
                baseColumn = c;
            }
        }
        Optional<JsonNode> base = CorpusExamples.base(json, baseName);
        if (base.isEmpty()) {
            error(row, baseColumn, Message.of(SheetError.KEYS + "no-base", baseName));
            return Optional.empty();
        }
        ObjectNode request = (ObjectNode) base.get();
        List<Expectation> expectations = new ArrayList<>();
        for (Column c : columns) {
            String value = cell(cells, c);
            if (value.isEmpty()) {
                continue;
            }
            if (c.kind() == Kind.FIELD) {
                set(request, c, value, row);
            } else if (c.kind() == Kind.EXPECT) {
                expectations.add(Expectation.ofCell(c.target(), value));
            }
        }
        if (expectations.isEmpty() && errors.size() == before) {
            error(row, null, Message.of(SheetError.KEYS + "expects-nothing"));
        }
        if (errors.size() == before) {
            validate(request, row, columns);
        }
        return errors.size() == before ? Optional.of(new RegressionCase(file, name, row, request, expectations))
                : Optional.empty();
    }

    private void validate(ObjectNode request, int row, List<Column> columns) {
        try {
            validator.read(request);
        } catch (InvalidRequestException e) {
            for (FieldMessage fault : e.faults()) {
                Column column = columns.stream().filter(c -> c.kind() == Kind.FIELD && covers(c.target(), fault.field()))
                        .findFirst().orElse(null);
                errors.add(SheetError.invalidCase(file, row, column == null ? null : column.letter(),
                        column == null ? fault.field() : column.header(), fault));
            }
            return;
        }
        if (!request.path("asOf").isTextual()) {
            Column asOf = columns.stream().filter(c -> "asOf".equals(c.target())).findFirst().orElse(null);
            error(row, asOf, Message.of(SheetError.KEYS + "as-of"));
        }
    }

    private static boolean covers(String path, String field) {
        return field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[");
    }

    /** Sets the value at the path, typed as the base's value there is (or, for a field the base lacks, as it reads). */
    private void set(ObjectNode request, Column column, String text, int row) {
        String fault = column.field().set(request, existing -> value(existing, text, column, row));
        if (fault != null) {
            error(row, column, Message.verbatim(fault));
        }
    }

    private JsonNode value(JsonNode existing, String text, Column column, int row) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (text.equals("null")) {
            return nodes.nullNode();
        }
        if (existing != null && existing.isNumber() || existing == null && NUMBER.matcher(text).matches()) {
            try {
                BigDecimal number = new BigDecimal(text);
                // A whole number stays whole: the case refuses 3.0 where it counts (brokenPromises, creditScore).
                return text.matches("-?\\d+") ? nodes.numberNode(number.toBigIntegerExact()) : nodes.numberNode(number);
            } catch (NumberFormatException e) {
                error(row, column, Message.of(SheetError.KEYS + "number", text));
                return null;
            }
        }
        if (existing != null && existing.isBoolean() || existing == null && (text.equals("true") || text.equals("false"))) {
            if (!text.equals("true") && !text.equals("false")) {
                error(row, column, Message.of(SheetError.KEYS + "boolean", text));
                return null;
            }
            return nodes.booleanNode(Boolean.parseBoolean(text));
        }
        if (existing != null && existing.isContainerNode() || existing == null && (text.startsWith("[") || text.startsWith("{"))) {
            try {
                return json.readTree(text);
            } catch (JsonProcessingException e) {
                error(row, column, Message.of(SheetError.KEYS + "json", e.getOriginalMessage()));
                return null;
            }
        }
        return nodes.textNode(text);
    }

    private static String cell(List<String> cells, Column c) {
        return c.index() < cells.size() && cells.get(c.index()) != null ? cells.get(c.index()).strip() : "";
    }

    private void error(int row, Column column, Message words) {
        errors.add(SheetError.of(file, row, column == null ? null : column.letter(), column == null ? null : column.header(), words));
    }
}

package org.autocollections.portfolio;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.autocollections.api.Problem;
import org.autocollections.api.CollectionCase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The columns of a CSV portfolio: each header names a field of the case by its dotted path
 * ({@code borrower.consents.phone}), and each cell becomes that field in the JSON a PUT of the case would carry. The
 * types come from the case's own records, so a number column gives a JSON number and a yes/no column a JSON boolean,
 * and CaseReader's strict typing judges them as it judges any request; a cell that is not what its field needs is
 * passed on as text, for CaseReader to name the field at fault.
 */
final class CsvColumns {

    /** Separators of a list cell such as borrower.flags: {@code DISPUTE_OPEN|WILFUL_DEFAULT}. */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[|;]");

    enum Kind { TEXT, INTEGER, DECIMAL, BOOLEAN, LIST }

    record Column(String header, String[] path, Kind kind) {
    }

    private final List<Column> columns;

    private CsvColumns(List<Column> columns) {
        this.columns = columns;
    }

    /** The caseId cell of a row, if it has one. */
    String caseId(List<String> cells) {
        for (int i = 0; i < columns.size() && i < cells.size(); i++) {
            if (columns.get(i).header.equals("caseId")) {
                String id = cells.get(i).trim();
                return id.isEmpty() ? null : id;
            }
        }
        return null;
    }

    int size() {
        return columns.size();
    }

    /** Reads a header row, or refuses it naming every column at fault. */
    static CsvColumns of(List<String> header) {
        List<Column> columns = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            String label = name.isEmpty() ? "column " + (i + 1) : name;
            if (name.isEmpty()) {
                errors.add(new Problem.FieldError(label, "has no name; the header names each column by its field, e.g. loan.overdueAmount"));
                continue;
            }
            if (!seen.add(name)) {
                errors.add(new Problem.FieldError(label, "is named twice"));
                continue;
            }
            String problem = resolve(name, columns);
            if (problem != null) {
                errors.add(new Problem.FieldError(label, problem));
            }
        }
        if (errors.isEmpty() && !seen.contains("caseId")) {
            errors.add(new Problem.FieldError("caseId", "the header must have a caseId column"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidPortfolioException("The CSV header names " + errors.size()
                    + " column(s) that are not fields of a case; nothing was imported.", errors);
        }
        return new CsvColumns(List.copyOf(columns));
    }

    /** Adds the column for a dotted path, or says why it is not a field of a case. */
    private static String resolve(String name, List<Column> columns) {
        String[] path = name.split("\\.", -1);
        Class<?> type = CollectionCase.class;
        for (int depth = 0; depth < path.length; depth++) {
            String segment = path[depth];
            if (depth == 0 && segment.equals("history")) {
                return "is not imported: history is logged entry by entry on a stored case";
            }
            if (!type.isRecord()) {
                return "is not a field of a case: " + String.join(".", java.util.Arrays.copyOf(path, depth)) + " has no fields";
            }
            RecordComponent component = component(type, segment);
            if (component == null) {
                String owner = depth == 0 ? "the case" : String.join(".", java.util.Arrays.copyOf(path, depth));
                return "is not a field of " + owner;
            }
            type = component.getType();
        }
        if (type.isRecord()) {
            return "is a group of fields; name each one, e.g. " + name + "."
                    + type.getRecordComponents()[0].getName();
        }
        columns.add(new Column(name, path, kindOf(type)));
        return null;
    }

    private static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static Kind kindOf(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return Kind.INTEGER;
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return Kind.DECIMAL;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Kind.BOOLEAN;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Kind.LIST;
        }
        return Kind.TEXT; // strings, enums, dates and timestamps are JSON strings
    }

    /** The case a row describes, as JSON; an empty cell is an absent field. */
    ObjectNode toJson(List<String> cells, JsonNodeFactory nodes) {
        ObjectNode root = nodes.objectNode();
        for (int i = 0; i < columns.size(); i++) {
            String cell = cells.get(i).trim();
            if (cell.isEmpty()) {
                continue;
            }
            Column column = columns.get(i);
            ObjectNode parent = root;
            for (int depth = 0; depth < column.path.length - 1; depth++) {
                JsonNode child = parent.get(column.path[depth]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(column.path[depth]);
            }
            parent.set(column.path[column.path.length - 1], value(column.kind, cell, nodes));
        }
        return root;
    }

    private static JsonNode value(Kind kind, String cell, JsonNodeFactory nodes) {
        switch (kind) {
            case INTEGER, DECIMAL -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(cell);
                } catch (NumberFormatException e) {
                    return nodes.textNode(cell); // CaseReader says: must be a number
                }
                if (kind == Kind.INTEGER && number.scale() <= 0) {
                    BigInteger integer = number.toBigIntegerExact();
                    return integer.bitLength() < 32 ? nodes.numberNode(integer.intValue())
                            : integer.bitLength() < 64 ? nodes.numberNode(integer.longValue()) : nodes.numberNode(integer);
                }
                return nodes.numberNode(number);
            }
            case BOOLEAN -> {
                String lower = cell.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return nodes.booleanNode(lower.equals("true"));
                }
                return nodes.textNode(cell); // CaseReader says: must be true or false
            }
            case LIST -> {
                ArrayNode list = nodes.arrayNode();
                for (String item : LIST_SEPARATOR.split(cell)) {
                    if (!item.isBlank()) {
                        list.add(item.trim());
                    }
                }
                return list;
            }
            default -> {
                return nodes.textNode(cell);
            }
        }
    }
}

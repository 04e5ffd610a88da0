package org.autocollections.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A field of a case named by its dotted path, as the header of a column names it: {@code loan.overdueAmount},
 * {@code borrower.consents.phone}. The one mapping from a column to a case field, for every flat file the service
 * reads or writes: the CSV import reads a row into the JSON a PUT of the case would carry, the portfolio generator
 * writes a case as such a row, and a scenario sheet sets fields of its base case.
 *
 * <p>A column of a CSV portfolio ({@link #column}) is typed by the case's own records, so a number column gives a
 * JSON number and a yes/no column a JSON boolean, and CaseReader's strict typing judges them as it judges any
 * request; a cell that is not what its field needs is passed on as text, for CaseReader to name the field at fault.
 * A scenario sheet's path ({@link #path}) may also reach into lists ({@code history.contacts[0].outcome}) and is
 * checked for its form only: the sheet types a cell as its base case's value there, and the case reader judges the
 * result.
 */
public final class CaseField {

    /** What a column's cells become in JSON. */
    private enum Kind { TEXT, INTEGER, DECIMAL, BOOLEAN, LIST }

    /** Separators of a list cell such as borrower.flags, read: {@code DISPUTE_OPEN|WILFUL_DEFAULT}; written with the first. */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[|;]");
    private static final Pattern PATH = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(\\[\\d{1,3}])?(\\.[A-Za-z_][A-Za-z0-9_]*(\\[\\d{1,3}])?)*");
    private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\d+)])?");
    private static final int NO_INDEX = -1;

    private final String header;
    private final String[] names;
    /** The list entry each step names, or {@link #NO_INDEX}. */
    private final int[] indexes;
    /** The record accessors from the case to the field; null for a path that is not typed. */
    private final Method[] accessors;
    /** What the cells become in JSON; null for a path that is not typed. */
    private final Kind kind;

    private CaseField(String header, String[] names, int[] indexes, Method[] accessors, Kind kind) {
        this.header = header;
        this.names = names;
        this.indexes = indexes;
        this.accessors = accessors;
        this.kind = kind;
    }

    /** The header as written: the field's dotted path. */
    public String header() {
        return header;
    }

    /**
     * The column a CSV portfolio names with this header, typed by the case's records; refused (the exception's
     * message completes a sentence that begins with the header) when it is not a single field a CSV row can carry.
     */
    public static CaseField column(String header) {
        String[] path = header.split("\\.", -1);
        Method[] accessors = new Method[path.length];
        Class<?> type = CollectionCase.class;
        for (int depth = 0; depth < path.length; depth++) {
            String segment = path[depth];
            if (depth == 0 && segment.equals("history")) {
                throw new IllegalArgumentException("is not imported: history is logged entry by entry on a stored case");
            }
            if (!type.isRecord()) {
                throw new IllegalArgumentException("is not a field of a case: "
                        + String.join(".", Arrays.copyOf(path, depth)) + " has no fields");
            }
            RecordComponent component = component(type, segment);
            if (component == null) {
                String owner = depth == 0 ? "the case" : String.join(".", Arrays.copyOf(path, depth));
                throw new IllegalArgumentException("is not a field of " + owner);
            }
            accessors[depth] = component.getAccessor();
            type = component.getType();
        }
        if (type.isRecord()) {
            throw new IllegalArgumentException("is a group of fields; name each one, e.g. " + header + "."
                    + type.getRecordComponents()[0].getName());
        }
        int[] indexes = new int[path.length];
        Arrays.fill(indexes, NO_INDEX);
        return new CaseField(header, path, indexes, accessors, kindOf(type));
    }

    /** Every column a CSV portfolio can carry, in the order the case's records declare them (history has none). */
    public static List<CaseField> columns() {
        List<CaseField> columns = new ArrayList<>();
        addColumns(CollectionCase.class, "", columns);
        return List.copyOf(columns);
    }

    private static void addColumns(Class<?> record, String prefix, List<CaseField> columns) {
        for (RecordComponent component : record.getRecordComponents()) {
            String header = prefix + component.getName();
            if (header.equals("history")) {
                continue;
            }
            if (component.getType().isRecord()) {
                addColumns(component.getType(), header + ".", columns);
            } else {
                columns.add(column(header));
            }
        }
    }

    /**
     * A path as a scenario sheet writes it, list entries included ({@code history.contacts[0].outcome}); empty when
     * the header is not of that form. Whether the path is a field of a case is the case reader's to say.
     */
    public static Optional<CaseField> path(String header) {
        if (!PATH.matcher(header).matches()) {
            return Optional.empty();
        }
        String[] steps = header.split("\\.");
        String[] names = new String[steps.length];
        int[] indexes = new int[steps.length];
        for (int i = 0; i < steps.length; i++) {
            Matcher step = STEP.matcher(steps[i]);
            step.matches();
            names[i] = step.group(1);
            indexes[i] = step.group(2) == null ? NO_INDEX : Integer.parseInt(step.group(2));
        }
        return Optional.of(new CaseField(header, names, indexes, null, null));
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

    /** A column's cell as the JSON value of its field (the cell trimmed and not empty). */
    public JsonNode json(String cell, JsonNodeFactory nodes) {
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

    /** A column's value in the case, written as a cell that {@link #json} reads back; empty when the case has none. */
    public void appendCell(CollectionCase c, StringBuilder line) {
        Object value = c;
        for (int depth = 0; depth < accessors.length && value != null; depth++) {
            try {
                value = accessors[depth].invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("the case's field " + header + " cannot be read", e);
            }
        }
        if (value instanceof BigDecimal amount) {
            line.append(amount.toPlainString());
        } else if (value instanceof Collection<?> items) {
            int before = line.length();
            for (Object item : items) {
                line.append(line.length() == before ? "" : "|").append(item);
            }
        } else if (value != null) {
            line.append(value); // ids, zones, enums, dates, numbers, booleans: none needs quoting
        }
    }

    /**
     * Sets the field in a case's JSON, making the objects and list entries on the way. {@code value} is given what
     * the field holds now (null when nothing) and returns what it is to hold, or null to leave it as it is. Returns
     * why the field cannot be set, or null.
     */
    public String set(ObjectNode root, UnaryOperator<JsonNode> value) {
        JsonNode parent = root;
        for (int i = 0; i < names.length; i++) {
            String field = names[i];
            int index = indexes[i];
            boolean last = i == names.length - 1;
            if (!(parent instanceof ObjectNode object)) {
                return "the base case has no object at " + field + "'s parent";
            }
            if (index == NO_INDEX) {
                if (last) {
                    JsonNode set = value.apply(object.get(field));
                    if (set != null) {
                        object.set(field, set);
                    }
                    return null;
                }
                JsonNode next = object.get(field);
                parent = next != null && next.isObject() ? next : object.putObject(field);
                continue;
            }
            JsonNode array = object.get(field);
            ArrayNode items = array != null && array.isArray() ? (ArrayNode) array : object.putArray(field);
            if (index > items.size()) {
                return field + " has " + items.size() + " entries: index " + index + " would leave a gap";
            }
            if (last) {
                JsonNode set = value.apply(index < items.size() ? items.get(index) : null);
                if (set != null) {
                    if (index < items.size()) {
                        items.set(index, set);
                    } else {
                        items.add(set);
                    }
                }
                return null;
            }
            if (index == items.size()) {
                items.addObject();
            }
            parent = items.get(index);
        }
        return null;
    }
}

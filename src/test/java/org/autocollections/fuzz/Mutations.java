package org.autocollections.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import org.autocollections.fuzz.Fuzzer.Expected;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Mutations of a valid JSON request, field by field: a null, a field left out, a value of the wrong JSON type, a value
 * of the right type the service must refuse, a valid value (however extreme), an unknown field or too many entries.
 * Each knows, from the documented schema, whether the request stays valid or which field the service must name. The
 * fields and their kinds are given as a schema of dotted paths ({@code history.contacts[].at}).
 */
public final class Mutations {

    /** What a field holds, which decides the wrong, bad and valid values tried on it. */
    public enum Kind {
        /** An id, 1-64 characters, not blank. */
        ID,
        /** The case id of a stored case's body: any value but the path's is refused; left out, it is the path's. */
        PATH_ID,
        /** Free text of at most 64 characters. */
        TEXT, ZONE, CURRENCY, STATE, MONEY, RATE, SCORE, MONTHS, COUNT, DATE, TIMESTAMP, ENUM, BOOL, OBJECT, ARRAY
    }

    /**
     * A field: what it holds, whether it may be left out and whether it may be null. {@code values} are an
     * enumeration's constants.
     */
    public record Field(Kind kind, boolean required, boolean nullable, List<String> values) {

        public static Field of(Kind kind, boolean required) {
            return new Field(kind, required, !required, List.of());
        }

        public static Field enumeration(Class<? extends Enum<?>> type, boolean required) {
            return new Field(Kind.ENUM, required, !required, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    /** The mutations applied: what they did, and what the answer must be. */
    public record Applied(String description, Expected expected) {
    }

    /** One mutation: the path changed and the field the service must name, or null when the request stays valid. */
    private record Change(String path, String description, String refusedField) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final Map<String, Field> schema;

    public Mutations(Map<String, Field> schema) {
        this.schema = schema;
    }

    // ---- values -----------------------------------------------------------------------------------------------

    static JsonNode raw(String json) {
        return NODES.rawValueNode(new RawValue(json));
    }

    static JsonNode text(String s) {
        return NODES.textNode(s);
    }

    private static List<JsonNode> texts(String... values) {
        return Arrays.stream(values).map(Mutations::text).toList();
    }

    private static List<JsonNode> raws(String... values) {
        return Arrays.stream(values).map(Mutations::raw).toList();
    }

    private static final String LONG = "x".repeat(100_000);
    private static final String EMOJI = "\uD83D\uDE97\uD83D\uDCB8"; // car, money with wings

    /** Text any string field takes: 64 characters at most (emoji count two), none of them NUL. */
    private static final List<String> ODD_TEXT = List.of(EMOJI, "\u0645\u0631\u062D\u0628\u0627\u200F", "\u200B", "e\u0301",
            "x".repeat(64), EMOJI.repeat(16), "\uFEFFCASE", "<script>alert(1)</script>", "'; drop table x; --", "%00", "..",
            "a/b", "\u202Etxet", "\uD800", "x\uDC00");

    /** Values of another JSON type than the field's: always refused, naming the field. */
    static List<JsonNode> wrongType(Kind kind) {
        List<JsonNode> values = new ArrayList<>(raws("{}", "[]", "{\"a\":1}", "[\"x\"]", "[[[]]]"));
        switch (kind) {
            case ID, PATH_ID, TEXT, ZONE, CURRENCY, STATE -> values.addAll(raws("42", "4.2", "-0", "true", "false", "1e400"));
            case MONEY, RATE, SCORE, MONTHS, COUNT -> {
                values.addAll(texts("86000", "", " ", "NaN", "Infinity", "-0", "1e3", "0x10"));
                values.addAll(raws("true", "false"));
            }
            case DATE, TIMESTAMP -> values.addAll(raws("20261129", "1764381600", "1764381600000", "-1", "1.5", "true",
                    "99999999999999999999"));
            case ENUM -> values.addAll(raws("0", "1", "-1", "3.5", "true", "99999999999"));
            case BOOL -> {
                values.addAll(texts("true", "false", "", "yes"));
                values.addAll(raws("1", "0", "0.0"));
            }
            case OBJECT -> {
                values.removeIf(v -> v.toString().startsWith("{"));
                values.addAll(texts("x", "{}", ""));
                values.addAll(raws("1", "true", "[{}]"));
            }
            case ARRAY -> {
                values.removeIf(v -> v.toString().startsWith("["));
                values.addAll(texts("x", "[]"));
                values.addAll(raws("1", "true", "{\"0\":\"PHONE\"}"));
            }
        }
        return values;
    }

    /** Values of the field's JSON type the service must refuse, naming the field. */
    static List<JsonNode> badValue(Field field) {
        return switch (field.kind()) {
            case ID, PATH_ID -> texts("", "   ", "\r\n", "x".repeat(65), LONG, EMOJI.repeat(17), "A\u0000B");
            case TEXT -> texts("x".repeat(65), LONG, EMOJI.repeat(17), "\u05D0".repeat(65), "A\u0000B");
            case ZONE -> texts("Mars/Olympus_Mons", "", "UTC+25:00", "+25:00", "../../etc/passwd", LONG, "Asia/Shanghai\u0000",
                    "asia/shanghai ", EMOJI);
            case CURRENCY -> texts("cny", "CNYY", "C1Y", "", "\u20AC\u20AC\u20AC", LONG, "ZZZ", "ABC");
            case STATE -> texts("ny", "N", "NYC", "", "N1", "N Y", EMOJI, LONG, "\u00C9T");
            case MONEY -> raws("-1", "-0.01", "0.001", "1e308", "1e400", "-1e400", "99999999999999999999999.999", "1000000000000",
                    "1E+13", "1e-400", "1" + "0".repeat(900), "0." + "0".repeat(900) + "1", "12.345", "0E+20000");
            case RATE -> raws("-0.01", "1.0001", "2", "1e308", "1e400", "-1e-400", "-1", "1e-10000", "0E-10000", "0E+10000");
            case SCORE -> raws("299", "851", "-1", "0", "2147483648", "-2147483649", "99999999999999999999", "1.5", "640.0",
                    "6.4e2", "1e400");
            case MONTHS -> raws("-1", "601", "2147483647", "2147483648", "1.5", "1e400");
            case COUNT -> raws("-1", "1001", "2147483648", "99999999999999999999", "0.5", "1e2");
            case DATE -> texts("2026-02-30", "2026-13-01", "2026-11-31", "2026-00-10", "", " ", "2026-1-1", "29/11/2026",
                    "2026-11-29T10:00:00Z", "tomorrow", "\u0662\u0660\u0662\u0666-11-29", "0000-01-01", "-0001-01-01",
                    "+10000-01-01", "+999999999-12-31", "-999999999-01-01");
            case TIMESTAMP -> texts("2026-11-29T10:00:00+25:00", "2026-11-29T10:00:00", "2026-11-29", "2026-02-30T10:00:00+08:00",
                    "2026-11-29T24:00:01+08:00", "", "now", "2026-11-29 10:00:00+08:00", "2026-11-29T10:60:00Z",
                    "2026-11-29T10:00:00+18:01", "9999-12-31T23:59:59.999999999-18:00", "-0001-01-01T00:00:00Z",
                    "0001-01-01T00:00:00+18:00", "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
                    "+10000-01-01T00:00:00Z", "2026-11-29T10:00:00+08:00[Asia/Shanghai]");
            case ENUM -> {
                List<JsonNode> bad = new ArrayList<>(texts("ASTRONAUT", "", "Phone", LONG, "null", EMOJI, "C N"));
                String constant = field.values().get(0);
                bad.addAll(texts(constant.toLowerCase(), constant.substring(1), constant + "_", "\u00A0" + constant));
                yield bad;
            }
            case BOOL -> wrongType(Kind.BOOL);
            case OBJECT, ARRAY -> List.of(); // an unknown field inside, too many entries: see unknownOrTooMany
        };
    }

    /** Valid values, however extreme: the request stays valid (but for the relations between fields, see Consistency). */
    static List<JsonNode> validValue(Field field) {
        return switch (field.kind()) {
            case ID, PATH_ID -> ODD_TEXT.stream().map(Mutations::text).toList();
            case TEXT -> {
                List<JsonNode> values = new ArrayList<>(ODD_TEXT.stream().map(Mutations::text).toList());
                values.addAll(texts("", "   ", "\r\n"));
                yield values;
            }
            case ZONE -> texts("UTC", "Etc/GMT+12", "Etc/GMT-14", "Pacific/Kiritimati", "Z", "+14:00", "-18:00",
                    "America/New_York", "GMT0", "Asia/Kolkata");
            case CURRENCY -> texts("USD", "XXX", "EUR", "JPY");
            case STATE -> texts("NY", "CA", "TX", "ZZ");
            case MONEY -> raws("0", "-0", "0.00", "-0.0", "999999999999.99", "0E-2", "1E+2", "1e-2", "100.10", "0.0e-0", "5e0");
            case RATE -> raws("0", "1", "0.0000000001", "1.000000000000000000000", "-0", "0.24");
            case SCORE -> raws("300", "850", "640");
            case MONTHS -> raws("0", "600");
            case COUNT -> raws("0", "1000");
            case DATE -> texts("9999-12-31", "0001-01-01", "1944-08-15", "1900-01-01", "2099-01-01", "2026-11-29", "2026-11-30",
                    "1970-01-01", "2024-02-29", " 2026-11-29 ");
            case TIMESTAMP -> texts("9999-12-31T23:59:59+18:00", "0001-01-01T00:00:00Z", "2026-11-29T10:00:00.123456789+08:00",
                    "2026-11-29T10:00:00Z", "2026-11-29T10:00:00-00:00", "2026-11-29T10:00+08:00", "1970-01-01T00:00:00Z",
                    "2099-01-01T00:00:00+14:00", "9999-12-31T23:59:59.999999999Z");
            case ENUM -> {
                // blanks around a name are ignored, as around a date
                List<JsonNode> valid = new ArrayList<>(field.values().stream().map(Mutations::text).toList());
                String constant = field.values().get(field.values().size() - 1);
                valid.addAll(texts(" " + constant, constant + " ", "\t" + constant + "\n"));
                yield valid;
            }
            case BOOL -> raws("true", "false");
            case OBJECT -> field.required() ? List.of() : List.of(NODES.objectNode());
            case ARRAY -> List.of(NODES.arrayNode());
        };
    }

    // ---- the tree ---------------------------------------------------------------------------------------------

    /** Every path of the tree the schema knows: "loan.currency", "history.contacts[1].at". */
    public List<String> paths(JsonNode tree) {
        List<String> paths = new ArrayList<>();
        collect(tree, "", paths);
        return paths;
    }

    private void collect(JsonNode node, String path, List<String> paths) {
        if (!path.isEmpty() && schema.containsKey(normal(path))) {
            paths.add(path);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", paths);
            }
        }
    }

    static String normal(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }

    private static ContainerNode<?> parent(JsonNode tree, String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? (ContainerNode<?>) tree : (ContainerNode<?>) at(tree, path.substring(0, cut));
    }

    static JsonNode at(JsonNode tree, String path) {
        JsonNode node = tree;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            node = node.get(name);
            while (node != null && bracket >= 0) {
                int close = part.indexOf(']', bracket);
                node = node.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static void set(JsonNode tree, String path, JsonNode value) {
        ContainerNode<?> parent = parent(tree, path);
        if (parent instanceof ObjectNode o) {
            o.set(path.substring(path.lastIndexOf('.') + 1), value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(path.substring(path.lastIndexOf('[') + 1, path.length() - 1)), value);
        }
    }

    private static void remove(JsonNode tree, String path) {
        ContainerNode<?> parent = parent(tree, path);
        if (parent instanceof ObjectNode o) {
            o.remove(path.substring(path.lastIndexOf('.') + 1));
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(path.substring(path.lastIndexOf('[') + 1, path.length() - 1)));
        }
    }

    private static final int NULL = 0;
    private static final int REMOVED = 1;
    private static final int WRONG_TYPE = 2;
    private static final int BAD_VALUE = 3;
    private static final int VALID_VALUE = 4;
    private static final int UNKNOWN_OR_TOO_MANY = 5;

    private static final Arbitrary<Integer> KINDS = Arbitraries.frequency(Tuple.of(3, NULL), Tuple.of(2, REMOVED),
            Tuple.of(4, WRONG_TYPE), Tuple.of(5, BAD_VALUE), Tuple.of(5, VALID_VALUE), Tuple.of(1, UNKNOWN_OR_TOO_MANY));

    /** Mutates one field of the tree in place and says what the answer must be. */
    public Applied mutate(JsonNode tree, Random random) {
        return mutateSome(tree, random, 1);
    }

    /**
     * Mutates between one and {@code max} fields (none inside another); the request must be refused naming only
     * fields at fault if any mutation makes it invalid, and be taken otherwise.
     */
    public Applied mutateSome(JsonNode tree, Random random, int max) {
        int count = 1 + random.nextInt(max);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> untouched = changes.stream().map(Change::path).toList();
            List<String> paths = paths(tree).stream().filter(p -> untouched.stream().noneMatch(u -> related(p, u))).toList();
            if (paths.isEmpty()) {
                break;
            }
            changes.add(change(tree, Fuzzer.draw(Arbitraries.of(paths), random), random, changes.isEmpty()));
        }
        Set<String> refused = new LinkedHashSet<>();
        changes.stream().map(Change::refusedField).filter(f -> f != null).forEach(refused::add);
        refused.addAll(Consistency.violations(tree, refused));
        String description = String.join("; ", changes.stream().map(Change::description).toList());
        return new Applied(description, refused.isEmpty() ? Expected.accepted() : Expected.refused(refused));
    }

    /**
     * One mutation of the field at {@code path}. A list entry is left out only by the first mutation: leaving it out
     * later would move the entries already mutated, and with them the field the service must name.
     */
    private Change change(JsonNode tree, String path, Random random, boolean first) {
        Field field = schema.get(normal(path));
        boolean element = path.endsWith("]");
        int kind = Fuzzer.draw(KINDS, random);
        if (kind == REMOVED && element && !first) {
            kind = NULL;
        }
        switch (kind) {
            case NULL -> {
                set(tree, path, NODES.nullNode());
                return new Change(path, path + " null", field.nullable() ? null : nullNamed(path));
            }
            case REMOVED -> {
                remove(tree, path);
                return new Change(path, path + " left out", field.required() && !element ? path : null);
            }
            case WRONG_TYPE -> {
                JsonNode value = Fuzzer.draw(Arbitraries.of(wrongType(field.kind())), random);
                set(tree, path, value);
                return new Change(path, path + " = " + Fuzzer.cut(value.toString(), 80) + " (wrong type)", path);
            }
            case BAD_VALUE -> {
                return oneOf(tree, path, badValue(field), "bad value", path, random);
            }
            case VALID_VALUE -> {
                return oneOf(tree, path, validValue(field), "valid", field.kind() == Kind.PATH_ID ? path : null, random);
            }
            default -> {
                return unknownOrTooMany(tree, path, random);
            }
        }
    }

    /** The field set to one of the values; with none to choose from, an unknown field or too many entries instead. */
    private Change oneOf(JsonNode tree, String path, List<JsonNode> values, String what, String refusedField, Random random) {
        if (values.isEmpty()) {
            return unknownOrTooMany(tree, path, random);
        }
        JsonNode value = Fuzzer.draw(Arbitraries.of(values), random);
        set(tree, path, value);
        return new Change(path, path + " = " + Fuzzer.cut(value.toString(), 80) + " (" + what + ")", refusedField);
    }

    /**
     * The field a null names: the field, or for an entry of the borrower's flags (a set, whose entries have no place
     * once read) the list.
     */
    private static String nullNamed(String path) {
        return normal(path).equals("borrower.flags[]") ? "borrower.flags" : path;
    }

    private Change unknownOrTooMany(JsonNode tree, String path, Random random) {
        JsonNode node = at(tree, path);
        if (node instanceof ObjectNode o) {
            String name = Fuzzer.draw(Arbitraries.of("extra", "CaseId", "caseid", "overdueAmt", "__proto__", " ",
                    "$ref", "loan", EMOJI), random);
            while (o.has(name)) {
                name = name + "2";
            }
            o.put(name, 1);
            return new Change(path, path + "." + name + " unknown", path + "." + name);
        }
        if (node instanceof ArrayNode a && a.size() > 0) {
            boolean flags = normal(path).equals("borrower.flags");
            int limit = path.endsWith("contacts") ? 5000 : flags ? 16 : 500;
            JsonNode one = a.get(0);
            while (a.size() <= limit) {
                a.add(one.deepCopy());
            }
            // the flags are a set: copies of one flag stay one flag, so that list is not too long
            return new Change(path, path + " with " + a.size() + " entries", flags ? null : path);
        }
        // a scalar, or an empty list: null instead
        set(tree, path, NODES.nullNode());
        return new Change(path, path + " null", schema.get(normal(path)).nullable() ? null : nullNamed(path));
    }

    /** Whether one path is the other, or holds it. */
    private static boolean related(String a, String b) {
        return a.equals(b) || within(a, b) || within(b, a);
    }

    private static boolean within(String inner, String outer) {
        return inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
    }
}

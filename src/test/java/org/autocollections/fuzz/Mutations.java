package org.autocollections.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import org.autocollections.fuzz.Fuzzer.Outcome;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Mutations of a valid JSON request, field by field: a null, a field left out, a value of the wrong JSON type, a value
 * of the right type the service must refuse, or an extreme value it may take or refuse. Each knows what the answer
 * must be. The fields and their kinds are given as a schema of dotted paths ({@code history.contacts[].at}).
 */
public final class Mutations {

    /** What a field holds, which decides the wrong and extreme values tried on it. */
    public enum Kind { ID, TEXT, ZONE, CURRENCY, MONEY, RATE, SCORE, MONTHS, COUNT, DATE, TIMESTAMP, ENUM, BOOL, OBJECT, ARRAY }

    public record Field(Kind kind, boolean required) {
    }

    /** One mutation applied: what it did, and what the answer must be. */
    public record Applied(String description, Outcome outcome, String field) {
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

    private static final String LONG = "x".repeat(100_000);
    private static final String EMOJI = "\uD83D\uDE97\uD83D\uDCB8"; // car, money with wings

    /** Values of another JSON type than the field's: always refused, naming the field. */
    static List<JsonNode> wrongType(Kind kind) {
        List<JsonNode> scalarsAndContainers = List.of(raw("{}"), raw("[]"), raw("{\"a\":1}"), raw("[\"x\"]"), raw("[[[]]]"));
        List<JsonNode> values = new ArrayList<>(scalarsAndContainers);
        switch (kind) {
            case ID, TEXT, ZONE, CURRENCY -> values.addAll(List.of(raw("42"), raw("4.2"), raw("-0"), raw("true"), raw("false"), raw("1e400")));
            case MONEY, RATE, SCORE, MONTHS, COUNT -> values.addAll(List.of(text("86000"), text(""), text(" "), text("NaN"),
                    text("Infinity"), text("-0"), text("1e3"), text("0x10"), raw("true"), raw("false")));
            case DATE, TIMESTAMP -> values.addAll(List.of(raw("20261129"), raw("1764381600"), raw("1764381600000"), raw("-1"),
                    raw("1.5"), raw("true"), raw("99999999999999999999")));
            case ENUM -> values.addAll(List.of(raw("0"), raw("1"), raw("-1"), raw("3.5"), raw("true"), raw("99999999999")));
            case BOOL -> values.addAll(List.of(text("true"), text("false"), text(""), text("yes"), raw("1"), raw("0"), raw("0.0")));
            case OBJECT -> {
                values.removeIf(v -> v.toString().startsWith("{"));
                values.addAll(List.of(text("x"), text("{}"), text(""), raw("1"), raw("true"), raw("[{}]")));
            }
            case ARRAY -> {
                values.removeIf(v -> v.toString().startsWith("["));
                values.addAll(List.of(text("x"), text("[]"), raw("1"), raw("true"), raw("{\"0\":\"PHONE\"}")));
            }
        }
        return values;
    }

    /** Values of the field's JSON type the service must refuse, naming the field. */
    static List<JsonNode> badValue(Kind kind, String path) {
        return switch (kind) {
            case ID -> List.of(text(""), text("   "), text("x".repeat(65)), text(LONG), text(EMOJI.repeat(17)));
            case TEXT -> List.of(text("x".repeat(65)), text(LONG), text(EMOJI.repeat(17)), text("\u05D0".repeat(65)));
            case ZONE -> List.of(text("Mars/Olympus_Mons"), text(""), text("UTC+25:00"), text("+25:00"), text("../../etc/passwd"),
                    text(LONG), text("Asia/Shanghai\u0000"), text("asia/shanghai "), text(EMOJI));
            case CURRENCY -> List.of(text("cny"), text("CNYY"), text("C1Y"), text(""), text("\u20AC\u20AC\u20AC"), text(LONG));
            case MONEY -> List.of(raw("-1"), raw("-0.01"), raw("0.001"), raw("1e308"), raw("1e400"), raw("-1e400"),
                    raw("99999999999999999999999.999"), raw("1000000000000"), raw("1E+13"), raw("1e-400"),
                    raw("1" + "0".repeat(900)), raw("0." + "0".repeat(900) + "1"), raw("12.345"));
            case RATE -> List.of(raw("-0.01"), raw("1.0001"), raw("2"), raw("1e308"), raw("1e400"), raw("-1e-400"), raw("-1"));
            case SCORE -> List.of(raw("299"), raw("851"), raw("-1"), raw("0"), raw("2147483648"), raw("-2147483649"),
                    raw("99999999999999999999"), raw("1.5"), raw("640.0"), raw("6.4e2"), raw("1e400"));
            case MONTHS -> List.of(raw("-1"), raw("601"), raw("2147483647"), raw("2147483648"), raw("1.5"), raw("1e400"));
            case COUNT -> List.of(raw("-1"), raw("1001"), raw("2147483648"), raw("99999999999999999999"), raw("0.5"), raw("1e2"));
            case DATE -> List.of(text("2026-02-30"), text("2026-13-01"), text("2026-11-31"), text("2026-00-10"), text(""),
                    text(" "), text("2026-1-1"), text("29/11/2026"), text("2026-11-29T10:00:00Z"), text("tomorrow"),
                    text("\u0662\u0660\u0662\u0666-11-29"));
            case TIMESTAMP -> List.of(text("2026-11-29T10:00:00+25:00"), text("2026-11-29T10:00:00"), text("2026-11-29"),
                    text("2026-02-30T10:00:00+08:00"), text("2026-11-29T24:00:01+08:00"), text(""), text("now"),
                    text("2026-11-29 10:00:00+08:00"), text("2026-11-29T10:60:00Z"),
                    text("2026-11-29T10:00:00+18:01"));
            case ENUM -> List.of(text("ASTRONAUT"), text(""), text("cn"), text("Phone"), text(LONG), text("null"),
                    text(EMOJI), text("C N"));
            case BOOL -> wrongType(kind);
            case OBJECT -> List.of(); // an unknown field inside: see apply
            case ARRAY -> List.of();
        };
    }

    /** Valid or at the edge: the service may decide or refuse, but must answer with one or the other. */
    static List<JsonNode> extreme(Kind kind) {
        return switch (kind) {
            case ID, TEXT -> List.of(text(EMOJI), text("\u0645\u0631\u062D\u0628\u0627\u200F"), text("A\u0000B"),
                    text("\uD800"), text("x\uDC00"), text("\u200B"), text("e\u0301"), text("x".repeat(64)),
                    text(EMOJI.repeat(16)), text("\uFEFFCASE"), text("<script>alert(1)</script>"), text("'; drop table x; --"),
                    text("%00"), text(".."), text("a/b"), text("\r\n"), text("\u202Etxet"));
            case ZONE -> List.of(text("UTC"), text("Etc/GMT+12"), text("Etc/GMT-14"), text("Pacific/Kiritimati"), text("Z"),
                    text("+14:00"), text("-18:00"), text("America/New_York"), text("GMT0"), text("SystemV/AST4"));
            case CURRENCY -> List.of(text("USD"), text("XXX"), text("ZZZ"));
            case MONEY -> List.of(raw("0"), raw("-0"), raw("0.00"), raw("-0.0"), raw("999999999999.99"), raw("0E+20000"),
                    raw("0E-2"), raw("1E+2"), raw("1e-2"), raw("100.10"), raw("0.0e-0"), raw("5e0"));
            case RATE -> List.of(raw("0"), raw("1"), raw("1e-10000"), raw("0E-10000"), raw("0E+10000"), raw("0.0000000001"),
                    raw("1.000000000000000000000"), raw("-0"));
            case SCORE -> List.of(raw("300"), raw("850"));
            case MONTHS -> List.of(raw("0"), raw("600"));
            case COUNT -> List.of(raw("0"), raw("1000"));
            case DATE -> List.of(text("9999-12-31"), text("0001-01-01"), text("0000-01-01"), text("-0001-01-01"),
                    text("+10000-01-01"), text("+999999999-12-31"), text("-999999999-01-01"), text("1944-08-15"),
                    text("1900-01-01"), text("2099-01-01"), text("2026-11-29"), text("2026-11-30"), text("1970-01-01"), text(" 2026-11-29 "));
            case TIMESTAMP -> List.of(text("9999-12-31T23:59:59+18:00"), text("9999-12-31T23:59:59.999999999-18:00"),
                    text("-0001-01-01T00:00:00Z"), text("0001-01-01T00:00:00+18:00"), text("+999999999-12-31T23:59:59-18:00"),
                    text("-999999999-01-01T00:00:00+18:00"), text("+10000-01-01T00:00:00Z"),
                    text("2026-11-29T10:00:00.123456789+08:00"), text("2026-11-29T10:00:00Z"), text("2026-11-29T10:00:00-00:00"),
                    text("2026-11-29T10:00+08:00"), text("2026-11-29T10:00:00+08:00[Asia/Shanghai]"), text("1970-01-01T00:00:00Z"),
                    text("2099-01-01T00:00:00+14:00"));
            case ENUM -> List.of(text(" CN"), text("PHONE "), text("\tNONE\n")); // trimmed, or refused
            case BOOL, OBJECT, ARRAY -> List.of();
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

    private static JsonNode at(JsonNode tree, String path) {
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

    private static final Arbitrary<Integer> KINDS = Arbitraries.frequency(
            net.jqwik.api.Tuple.of(3, 0), // null
            net.jqwik.api.Tuple.of(2, 1), // removed
            net.jqwik.api.Tuple.of(4, 2), // wrong type
            net.jqwik.api.Tuple.of(5, 3), // bad value
            net.jqwik.api.Tuple.of(4, 4), // extreme
            net.jqwik.api.Tuple.of(1, 5)); // unknown field inside an object / list too long

    /**
     * Mutates one field of the tree in place (the tree must still hold the path) and says what the answer must be.
     */
    public Applied mutate(JsonNode tree, Random random) {
        return mutate(tree, random, List.of());
    }

    private Applied mutate(JsonNode tree, Random random, List<String> untouchable) {
        List<String> paths = paths(tree).stream().filter(p -> untouchable.stream().noneMatch(u -> related(p, u))).toList();
        if (paths.isEmpty()) {
            return new Applied("nothing left to mutate", Outcome.EITHER, null);
        }
        String path = Fuzzer.draw(Arbitraries.of(paths), random);
        Field field = schema.get(normal(path));
        int kind = Fuzzer.draw(KINDS, random);
        boolean element = path.endsWith("]");
        switch (kind) {
            case 0 -> {
                set(tree, path, NODES.nullNode());
                return new Applied(path + " null", field.required() ? Outcome.REFUSED : Outcome.EITHER, field.required() ? path : null);
            }
            case 1 -> {
                remove(tree, path);
                boolean refused = field.required() && !element;
                return new Applied(path + " left out", refused ? Outcome.REFUSED : Outcome.EITHER, refused ? path : null);
            }
            case 2 -> {
                JsonNode value = Fuzzer.draw(Arbitraries.of(wrongType(field.kind())), random);
                set(tree, path, value);
                return new Applied(path + " = " + value + " (wrong type)", Outcome.REFUSED, path);
            }
            case 3 -> {
                List<JsonNode> bad = badValue(field.kind(), path);
                if (bad.isEmpty()) {
                    return unknownOrTooMany(tree, path, field, random);
                }
                JsonNode value = Fuzzer.draw(Arbitraries.of(bad), random);
                set(tree, path, value);
                return new Applied(path + " = " + Fuzzer.cut(value.toString(), 80) + " (bad value)", Outcome.REFUSED, path);
            }
            case 4 -> {
                List<JsonNode> extreme = extreme(field.kind());
                if (extreme.isEmpty()) {
                    return mutate(tree, random, untouchable);
                }
                JsonNode value = Fuzzer.draw(Arbitraries.of(extreme), random);
                set(tree, path, value);
                return new Applied(path + " = " + Fuzzer.cut(value.toString(), 80) + " (extreme)", Outcome.EITHER, null);
            }
            default -> {
                return unknownOrTooMany(tree, path, field, random);
            }
        }
    }

    private Applied unknownOrTooMany(JsonNode tree, String path, Field field, Random random) {
        JsonNode node = at(tree, path);
        if (node instanceof ObjectNode o) {
            String name = Fuzzer.draw(Arbitraries.of("extra", "CaseId", "caseid", "overdueAmt", "__proto__", "", " ",
                    "$ref", "loan", EMOJI), random);
            if (o.has(name)) {
                name = name + "2";
            }
            o.put(name, 1);
            return new Applied(path + "." + name + " unknown", Outcome.REFUSED, path + "." + name);
        }
        if (node instanceof ArrayNode a && a.size() > 0) {
            int limit = path.endsWith("contacts") ? 5000 : path.endsWith("flags") ? 16 : 500;
            JsonNode one = a.get(0);
            while (a.size() <= limit) {
                a.add(one.deepCopy());
            }
            // the flags are a set: copies of one flag stay one flag, so that list is not too long
            return new Applied(path + " with " + a.size() + " elements", path.endsWith("flags") ? Outcome.EITHER : Outcome.REFUSED,
                    path.endsWith("flags") ? null : path);
        }
        return mutate(tree, random, List.of(path));
    }

    /** Whether one path is the other, or holds it. */
    private static boolean related(String a, String b) {
        return a.equals(b) || within(a, b) || within(b, a);
    }

    private static boolean within(String inner, String outer) {
        return inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
    }

    /** Up to {@code max} mutations at once; the answer must be a refusal if any of them must be refused. */
    public Applied mutateSome(JsonNode tree, Random random, int max) {
        int count = 1 + random.nextInt(max);
        if (count == 1) {
            return mutate(tree, random);
        }
        StringBuilder description = new StringBuilder();
        Outcome outcome = Outcome.EITHER;
        List<String> mutated = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Applied applied = mutate(tree, random, mutated);
            mutated.add(applied.description().split(" ")[0]);
            description.append(i == 0 ? "" : "; ").append(applied.description());
            if (applied.outcome() == Outcome.REFUSED) {
                outcome = Outcome.REFUSED;
            }
        }
        return new Applied(description.toString(), outcome, null);
    }
}

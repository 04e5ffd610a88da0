package org.autocollections.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.autocollections.fuzz.Fuzzer.Expected;
import org.autocollections.fuzz.Fuzzer.Request;

import net.jqwik.api.Arbitraries;

/**
 * Bodies that are not a JSON object of the right shape at all: broken, truncated, too deep, with duplicate keys or
 * garbage after the end, of another JSON type, empty, not UTF-8, or sent with another Content-Type. Each has one
 * right answer, which depends on what the endpoint reads ({@link Target}).
 */
final class MalformedBodies {

    private MalformedBodies() {
    }

    /**
     * The endpoint a body goes to: a valid body, and what it answers to an empty body, to a JSON value that is not an
     * object, to {@code {}}, and whether it is a case (which refuses unknown fields and has a loan to stuff).
     */
    record Target(String valid, Expected noBody, Expected notAnObject, Expected emptyObject, boolean isCase, boolean readAsRecord) {

        /** A decision request, or a stored case when {@code required} leaves out the case id the path supplies. */
        static Target ofCase(String valid, List<String> required) {
            return new Target(valid, Expected.refused(""), Expected.refused(""), Expected.refused(required), true, false);
        }

        static Target batch(String valid) {
            return new Target(valid, Expected.refused("cases"), Expected.refused("cases"), Expected.refused("cases"), false, false);
        }

        /**
         * A history log entry, read straight into its record: any body that is not one is refused as a whole, an array
         * at its first bracket (before any depth is reached).
         */
        static Target logEntry(String valid, List<String> required) {
            return new Target(valid, Expected.refused(""), Expected.refused(""), Expected.refused(required), false, true);
        }
    }

    private static final List<String> TYPES_REFUSED = List.of("text/plain", "application/xml", "application/jsonx",
            "text/json", "application/octet-stream", "application/x-ndjson", "text/csv", "application/problem+json",
            "image/png");

    static Request of(String method, String path, Target target, Random random) {
        String valid = target.valid();
        int kind = Fuzzer.draw(Arbitraries.integers().between(0, 17), random);
        if ((kind == 14 || kind == 17) && !target.isCase()) {
            kind = 3;
        }
        Expected malformed = Expected.malformed();
        switch (kind) {
            case 0 -> {
                int depth = Fuzzer.draw(Arbitraries.of(1001, 2000, 10_000, 100_000), random);
                boolean arrays = random.nextBoolean();
                String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
                boolean alone = random.nextBoolean() || !valid.contains("\"loan\":");
                String body = alone ? nested : valid.replaceFirst("\"loan\"\\s*:", "\"loan\":" + nested + ",\"x\":");
                return request(depth + " nested " + (arrays ? "arrays" : "objects"), method, path, body,
                        alone && arrays && target.readAsRecord() ? target.notAnObject() : malformed);
            }
            case 1 -> {
                String garbage = Fuzzer.draw(Arbitraries.of(" x", "}", "{}", "]", ",", " null", " 1", "\u0000", "{\"caseId\":\"B\"}",
                        "\n{\"again\":true}", "//", "#"), random);
                return request("trailing " + garbage.strip(), method, path, valid + garbage, malformed);
            }
            case 2 -> {
                String key = valid.substring(2, valid.indexOf('"', 2));
                return request("duplicate key " + key, method, path, "{\"" + key + "\":null," + valid.substring(1), malformed);
            }
            case 3 -> {
                int cut = 1 + random.nextInt(valid.length() - 1);
                return request("truncated at " + cut, method, path, valid.substring(0, cut), malformed);
            }
            case 4 -> {
                String body = Fuzzer.draw(Arbitraries.of("", " ", "\n\n", "null", "true", "42", "-0", "1e400", "\"case\"", "[]",
                        "[null]", "[" + valid + "]", "[" + valid + "," + valid + "]", "{}", "\"\"", "NaN"), random);
                Expected expected = switch (body.strip()) {
                    case "", "null" -> target.noBody();
                    case "{}" -> target.emptyObject();
                    case "NaN" -> malformed;
                    default -> target.notAnObject();
                };
                return request("body " + Fuzzer.cut(body, 40), method, path, body, expected);
            }
            case 5 -> {
                String type = Fuzzer.draw(Arbitraries.of(TYPES_REFUSED), random);
                return new Request("Content-Type " + type, method, path, type, bytes(valid), Expected.problem(415, "http-415"));
            }
            case 6 -> {
                // read as JSON, the one type the endpoint takes
                return new Request("no Content-Type", method, path, null, bytes(valid), Expected.accepted());
            }
            case 7 -> {
                String broken = Fuzzer.draw(Arbitraries.of("{caseId: \"X\"}", "{'caseId': 'X'}", "{\"caseId\": \"X\",}",
                        "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": -Infinity}", "{\"a\": 0123}", "{\"a\": 0x10}", "{\"a\": .5}",
                        "{\"a\": 1.}", "{\"a\": +1}", "{/* c */ \"a\": 1}", "{\"a\": 1} // c", "{\"a\" 1}", "{\"a\":: 1}",
                        "{\"a\": \"\\x41\"}", "{\"a\": \"\\u12\"}", "{\"a\": \"tab\there\"}", "{\"a\": \"line\nbreak\"}", "{,}",
                        "{\"a\": tru}", "{\"a\": nul}", "{\"a\": [1,,2]}", "{\"a\": {\"b\": [1, 2}}", "{\"a\": [{\"b\": 1]}"),
                        random);
                return request("syntax " + broken, method, path, broken, malformed);
            }
            case 8 -> {
                String digits = "9".repeat(Fuzzer.draw(Arbitraries.of(1001, 5000, 100_000), random));
                return request(digits.length() + "-digit number", method, path, "{\"n\":" + digits + "," + valid.substring(1), malformed);
            }
            case 9 -> {
                String name = "n".repeat(Fuzzer.draw(Arbitraries.of(50_001, 200_000), random));
                return request(name.length() + "-character field name", method, path, "{\"" + name + "\":1," + valid.substring(1),
                        malformed);
            }
            case 10 -> {
                byte[] utf8 = bytes(valid);
                byte[] bad = Fuzzer.draw(Arbitraries.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF },
                        new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80 },
                        new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { 0x00 }), random);
                int at = valid.indexOf(":\"") + 2; // inside the first text value
                byte[] body = new byte[utf8.length + bad.length];
                System.arraycopy(utf8, 0, body, 0, at);
                System.arraycopy(bad, 0, body, at, bad.length);
                System.arraycopy(utf8, at, body, at + bad.length, utf8.length - at);
                return new Request("invalid UTF-8 in a string", method, path, "application/json", body, malformed);
            }
            case 11 -> {
                byte[] noise = new byte[1 + random.nextInt(2000)];
                random.nextBytes(noise);
                noise[0] = '@'; // no JSON value starts so, whatever follows
                return new Request("random bytes", method, path, "application/json", noise, malformed);
            }
            case 12 -> {
                return request("non-JSON whitespace", method, path, valid.replace(":", ": \u00A0").replace(",", ",\u000B"), malformed);
            }
            case 13 -> {
                // the byte-order mark says how it is encoded, and JSON is read by it (RFC 8259 lets a reader do so)
                return new Request("UTF-16 body with its byte-order mark", method, path, "application/json; charset=UTF-8",
                        valid.getBytes(StandardCharsets.UTF_16), Expected.accepted());
            }
            case 14 -> {
                return request("an object where no object is expected", method, path,
                        valid.replaceFirst("\"loan\"\\s*:\\s*\\{", "\"loan\":{\"loan\":{\"loan\":{}},"), Expected.refused("loan.loan"));
            }
            case 15 -> {
                return request("single quotes", method, path, valid.replace("\"", "'"), malformed);
            }
            case 16 -> {
                return request("999 nested arrays (under the limit)", method, path, "[".repeat(999) + "]".repeat(999),
                        target.notAnObject());
            }
            default -> {
                String id = "x".repeat(Fuzzer.draw(Arbitraries.of(65, 1_000_000), random));
                return request("duplicate and over-long caseId", method, path, valid.replaceFirst("\\{", "{\"caseId\":\"" + id + "\","),
                        malformed);
            }
        }
    }

    private static Request request(String description, String method, String path, String body, Expected expected) {
        return new Request(description, method, path, "application/json", bytes(body), expected);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package org.autocollections.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.autocollections.fuzz.Fuzzer.Outcome;
import org.autocollections.fuzz.Fuzzer.Request;

import net.jqwik.api.Arbitraries;

/**
 * Bodies that are not a JSON object of the right shape at all: broken, truncated, too deep, with duplicate keys or
 * garbage after the end, of another JSON type, empty, not UTF-8, or sent with another Content-Type. Each must be
 * refused with a 4xx problem.
 */
final class MalformedBodies {

    private MalformedBodies() {
    }

    static Request of(String method, String path, String valid, Random random) {
        int kind = Fuzzer.draw(Arbitraries.integers().between(0, 17), random);
        String description;
        String body;
        String contentType = "application/json";
        switch (kind) {
            case 0 -> {
                int depth = Fuzzer.draw(Arbitraries.of(1001, 2000, 10_000, 100_000), random);
                boolean arrays = random.nextBoolean();
                String open = arrays ? "[" : "{\"a\":";
                String close = arrays ? "]" : "}";
                String nested = open.repeat(depth) + "1" + close.repeat(depth);
                body = random.nextBoolean() ? nested : valid.replaceFirst("\"loan\"\\s*:", "\"loan\":" + nested + ",\"x\":");
                description = depth + " nested " + (arrays ? "arrays" : "objects");
            }
            case 1 -> {
                String garbage = Fuzzer.draw(Arbitraries.of(" x", "}", "{}", "]", ",", " null", " 1", "\u0000", "{\"caseId\":\"B\"}",
                        "\n{\"again\":true}", "//", "#"), random);
                body = valid + garbage;
                description = "trailing " + garbage.strip();
            }
            case 2 -> {
                String key = Fuzzer.draw(Arbitraries.of("caseId", "loan", "borrower", "jurisdiction"), random);
                String value = switch (key) {
                    case "caseId" -> "\"OTHER\"";
                    case "jurisdiction" -> "\"US\"";
                    default -> "{}";
                };
                body = "{\"" + key + "\":" + value + "," + valid.substring(valid.indexOf('{') + 1);
                description = "duplicate key " + key;
            }
            case 3 -> {
                int cut = 1 + random.nextInt(valid.length() - 1);
                body = valid.substring(0, cut);
                description = "truncated at " + cut;
            }
            case 4 -> {
                body = Fuzzer.draw(Arbitraries.of("", " ", "\n\n", "null", "true", "42", "-0", "1e400", "\"case\"", "[]", "[null]",
                        "[" + valid + "]", "[" + valid + "," + valid + "]", "{}", "\uFEFF", "\"\"", "NaN"), random);
                description = "body " + Fuzzer.cut(body, 40);
            }
            case 5 -> {
                contentType = Fuzzer.draw(Arbitraries.of("text/plain", "application/xml", "application/jsonx", "text/json", "*/*", "application/octet-stream",
                        "application/x-ndjson", "text/csv", "application/problem+json", "image/png", "json", ";;;",
                        "application/json; charset=UTF-16", "application/json; charset=nonsense"), random);
                body = valid;
                description = "Content-Type " + contentType;
            }
            case 6 -> {
                body = valid;
                contentType = null;
                description = "no Content-Type";
            }
            case 7 -> {
                String broken = Fuzzer.draw(Arbitraries.of("{caseId: \"X\"}", "{'caseId': 'X'}", "{\"caseId\": \"X\",}",
                        "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": -Infinity}", "{\"a\": 0123}", "{\"a\": 0x10}", "{\"a\": .5}",
                        "{\"a\": 1.}", "{\"a\": +1}", "{/* c */ \"a\": 1}", "{\"a\": 1} // c", "{\"a\" 1}", "{\"a\":: 1}",
                        "{\"a\": \"\\x41\"}", "{\"a\": \"\\u12\"}", "{\"a\": \"tab\there\"}", "{\"a\": \"line\nbreak\"}", "{,}",
                        "{\"a\": tru}", "{\"a\": nul}", "{\"a\": [1,,2]}", "{\"a\": \"\\uD800\"}", "{\"\\uD800\": 1}",
                        "{\"\\u0000\": 1}", "{\"caseId\": \"\\u0000\"}"), random);
                body = broken;
                description = "syntax " + broken;
            }
            case 8 -> {
                String digits = "9".repeat(Fuzzer.draw(Arbitraries.of(1001, 5000, 100_000), random));
                body = valid.replaceFirst("\"outstandingBalance\"\\s*:\\s*[^,}]+", "\"outstandingBalance\":" + digits);
                description = digits.length() + "-digit number";
            }
            case 9 -> {
                String name = "n".repeat(Fuzzer.draw(Arbitraries.of(50_001, 200_000), random));
                body = "{\"" + name + "\":1," + valid.substring(valid.indexOf('{') + 1);
                description = name.length() + "-character field name";
            }
            case 10 -> {
                byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
                byte[] bad = Fuzzer.draw(Arbitraries.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF },
                        new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80 },
                        new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { 0x00 }), random);
                int at = valid.indexOf("CASE") >= 0 ? valid.indexOf("CASE") : valid.indexOf("\"") + 1;
                byte[] body2 = new byte[utf8.length + bad.length];
                System.arraycopy(utf8, 0, body2, 0, at);
                System.arraycopy(bad, 0, body2, at, bad.length);
                System.arraycopy(utf8, at, body2, at + bad.length, utf8.length - at);
                return new Request("invalid UTF-8 in a string", method, path, contentType, body2, Outcome.REFUSED, null);
            }
            case 11 -> {
                byte[] noise = new byte[random.nextInt(2000)];
                random.nextBytes(noise);
                return new Request("random bytes", method, path, contentType, noise, Outcome.REFUSED, null);
            }
            case 12 -> {
                body = valid.replace(":", ": \u00A0").replace(",", ",\u000B");
                description = "non-JSON whitespace";
            }
            case 13 -> {
                byte[] utf16 = valid.getBytes(StandardCharsets.UTF_16);
                return new Request("UTF-16 body declared UTF-8", method, path, "application/json; charset=UTF-8", utf16,
                        Outcome.EITHER, null);
            }
            case 14 -> {
                body = valid.replaceFirst("\"loan\"\\s*:\\s*\\{", "\"loan\":{\"loan\":{\"loan\":{}},");
                description = "an object where no object is expected";
            }
            case 15 -> {
                body = valid.replace("\"", "'");
                description = "single quotes";
            }
            case 16 -> {
                body = "[".repeat(999) + "]".repeat(999);
                description = "999 nested arrays (under the limit)";
            }
            default -> {
                body = valid.replaceFirst("\\{", "{\"caseId\":\"" + "x".repeat(Fuzzer.draw(Arbitraries.of(65, 1_000_000), random)) + "\",");
                description = "duplicate and over-long caseId";
            }
        }
        // a wildcard or missing Content-Type may be read as JSON, and JSON finds its own encoding: then the (valid) body is taken
        boolean mayBeJson = kind == 6 || "*/*".equals(contentType) || String.valueOf(contentType).contains("charset=");
        // only a case has a caseId to duplicate or a loan to stuff; in another body these are unknown fields
        boolean notForThisBody = (kind == 14 || kind == 17) && !valid.startsWith("{\"caseId\"") || body.equals(valid) && kind != 5
                || kind == 2 && !valid.contains(body.substring(1, body.indexOf(':') + 1));
        return new Request(description, method, path, contentType, body.getBytes(StandardCharsets.UTF_8),
                mayBeJson || notForThisBody ? Outcome.EITHER : Outcome.REFUSED, null);
    }
}

package org.autocollections.fuzz;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.autocollections.fuzz.Fuzzer.Expected;
import org.autocollections.fuzz.Fuzzer.Request;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import net.jqwik.api.Arbitraries;

/**
 * Generated requests to the portfolio runs: start requests with one field wrong ({@code POST /api/v1/portfolio/runs}
 * must refuse each naming the field, and start nothing), and the query parameters of a run's work list.
 */
@QuarkusTest
@TestProfile(FuzzProfile.class)
class PortfolioRunFuzzTest {

    private static final String RUNS = "/api/v1/portfolio/runs";

    private static final List<Object[]> BAD_FIELDS = List.of(
            new Object[] { "runId", List.of("\"\"", "\"a b\"", "\"" + "x".repeat(65) + "\"", "\"../x\"", "\"\u00E9\"", "\"\\u0000\"",
                    "\"\\ud800\"", "\"\uD83D\uDE97\"", "42", "true", "{}", "[]", "[\"r\"]", "1e400") },
            new Object[] { "shard", List.of("\"\"", "\"1\"", "\"1/\"", "\"/2\"", "\"2/2\"", "\"-1/2\"", "\"0/0\"", "\"0/-1\"", "\"a/b\"",
                    "\"99999999999999999999/1\"", "\"0/99999999999999999999\"", "\"1/2/3\"", "\"\\u0000\"", "5", "0.5",
                    "true", "{}", "[]", "\"" + "1".repeat(5000) + "/2\"") },
            new Object[] { "chunkSize", List.of("0", "-1", "5001", "2147483648", "-2147483649", "99999999999999999999", "1e400", "1.5",
                    "500.0", "5e2", "\"500\"", "\"\"", "true", "{}", "[]", "NaN") },
            new Object[] { "asOf", List.of("\"\"", "\"now\"", "\"2026-02-30T10:00:00Z\"", "\"2026-11-29T10:00:00\"", "\"2026-11-29\"",
                    "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"2026-11-29T10:00:00+25:00\"", "1764381600",
                    "0", "true", "{}", "[]") });

    @Test
    void startRequestsWithAFieldWrongAreRefusedNamingIt() {
        Fuzzer fuzzer = Fuzzer.named("portfolio run requests");
        fuzzer.run(Fuzzer.share(0.04), random -> {
            Object[] field = Fuzzer.draw(Arbitraries.of(BAD_FIELDS), random);
            String name = (String) field[0];
            @SuppressWarnings("unchecked")
            String value = Fuzzer.draw(Arbitraries.of((List<String>) field[1]), random);
            StringBuilder body = new StringBuilder("{");
            for (String other : List.of("runId", "shard", "chunkSize", "asOf")) {
                if (!other.equals(name) && random.nextBoolean()) {
                    body.append('"').append(other).append("\":").append(switch (other) {
                        case "runId" -> "\"fuzz-never-started-" + random.nextInt(1_000_000) + "\"";
                        case "shard" -> "\"0/1\"";
                        case "chunkSize" -> "500";
                        default -> "\"2026-11-29T10:00:00+08:00\"";
                    }).append(',');
                }
            }
            body.append('"').append(name).append("\":").append(value).append('}');
            return Request.json(name + " = " + Fuzzer.cut(value, 60), "POST", RUNS, body.toString(),
                    value.equals("NaN") ? Expected.malformed() : Expected.refused(name));
        }, null);
        fuzzer.assertNoFailures();
    }

    @Test
    void workListParametersAreReadOrRefusedNamingThem() {
        ObjectNode stored = CaseSchema.storedCase("FUZZ-RUN-1");
        given().contentType(ContentType.JSON).body(stored.toString()).put("/api/v1/cases/FUZZ-RUN-1");
        given().contentType(ContentType.JSON).body("{\"runId\":\"fuzz-worklist\",\"asOf\":\"2026-11-29T10:00:00+08:00\"}")
                .post(RUNS).then().statusCode(202); // no other test starts this run
        List<String> numbers = List.of("0", "1", "-1", "100", "10000", "10001", "2147483647", "2147483648", "-2147483648",
                "99999999999999999999", "1e3", "1.5", "abc", "", "%20", "0x10", "%00", "1,2", "NaN", "%E2%88%9E");
        List<String> actions = List.of("CALL", "call", "NONE", "SEND_REMINDER", "ASTRONAUT", "", "%00", "CALL,NONE", "%F0%9F%9A%97");
        List<String> formats = List.of("json", "csv", "CSV", "xml", "", "%00");
        Fuzzer fuzzer = Fuzzer.named("work list parameters");
        fuzzer.run(Fuzzer.share(0.07), random -> {
            StringBuilder query = new StringBuilder();
            String limit = null;
            String offset = null;
            String action = null;
            String format = null;
            if (random.nextBoolean()) {
                limit = Fuzzer.draw(Arbitraries.of(numbers), random);
                query.append("&limit=").append(limit);
            }
            if (random.nextBoolean()) {
                offset = Fuzzer.draw(Arbitraries.of(numbers), random);
                query.append("&offset=").append(offset);
            }
            if (random.nextInt(3) == 0) {
                action = Fuzzer.draw(Arbitraries.of(actions), random);
                query.append("&action=").append(action);
            }
            if (random.nextInt(4) == 0) {
                format = Fuzzer.draw(Arbitraries.of(formats), random);
                query.append("&format=").append(format);
            }
            if (random.nextInt(6) == 0) {
                // a parameter repeated, or without a value: the first value counts, an empty one is none
                String again = Fuzzer.draw(Arbitraries.of("&limit=1&limit=2", "&offset", "&limit", "&unknown=1", "&offset=1&offset=-1"), random);
                query.append(again);
                limit = limit != null ? limit : again.startsWith("&limit") ? first(again) : null;
                offset = offset != null ? offset : again.startsWith("&offset") ? first(again) : null;
            }
            String run = random.nextInt(10) == 0 ? Fuzzer.draw(Arbitraries.of("no-such-run", "%00", "x".repeat(300)), random)
                    : "fuzz-worklist";
            String path = RUNS + "/" + run + "/worklist" + (query.length() == 0 ? "" : "?" + query.substring(1));
            return new Request("work list " + path.substring(RUNS.length()), "GET", path, null, null,
                    expected(run, limit, offset, action, format));
        }, null);
        fuzzer.assertNoFailures();
    }

    private static String first(String repeated) {
        int equals = repeated.indexOf('=');
        return equals < 0 ? "" : repeated.substring(equals + 1, repeated.indexOf('&', 1) < 0 ? repeated.length() : repeated.indexOf('&', 1));
    }

    /**
     * The answer due: a NUL anywhere is refused first (naming its parameter), then an unknown run is a 404, then each
     * parameter the work list cannot take is named. An empty parameter counts as absent.
     */
    private static Expected expected(String run, String limit, String offset, String action, String format) {
        List<String> nul = new java.util.ArrayList<>();
        if (run.equals("%00")) {
            nul.add("runId");
        }
        for (String[] p : List.of(new String[] { "limit", limit }, new String[] { "offset", offset }, new String[] { "action", action },
                new String[] { "format", format })) {
            if ("%00".equals(p[1])) {
                nul.add(p[0]);
            }
        }
        if (!nul.isEmpty()) {
            return Expected.refused(nul);
        }
        if (!run.equals("fuzz-worklist")) {
            return Expected.problem(404, "run-not-found");
        }
        String wrong = wrongParameter(limit, offset, action, format);
        return wrong == null ? Expected.accepted() : Expected.refused(List.of(wrong.split(",")));
    }

    /** The parameters the work list must refuse, separated by commas; null when it takes them all. */
    private static String wrongParameter(String limit, String offset, String action, String format) {
        List<String> wrong = new java.util.ArrayList<>();
        if (!absent(action) && !List.of("CALL", "call", "NONE", "SEND_REMINDER").contains(action)) {
            wrong.add("action");
        }
        if (!absent(offset) && !(offset.matches("-?\\d+") && new java.math.BigInteger(offset).bitLength() <= 31
                && new java.math.BigInteger(offset).signum() >= 0)) {
            wrong.add("offset");
        }
        if (!absent(format) && !List.of("json", "csv", "CSV").contains(format)) {
            wrong.add("format");
        }
        if (!absent(limit)) {
            long max = "csv".equalsIgnoreCase(format) ? Integer.MAX_VALUE : 10_000;
            if (!limit.matches("-?\\d+") || new java.math.BigInteger(limit).compareTo(java.math.BigInteger.valueOf(max)) > 0
                    || new java.math.BigInteger(limit).signum() <= 0) {
                wrong.add("limit");
            }
        }
        return wrong.isEmpty() ? null : String.join(",", wrong);
    }

    private static boolean absent(String parameter) {
        return parameter == null || parameter.isEmpty() || parameter.equals("%20");
    }
}

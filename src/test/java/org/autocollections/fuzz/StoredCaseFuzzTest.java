package org.autocollections.fuzz;

import static io.restassured.RestAssured.given;
import static org.autocollections.fuzz.Mutations.Kind.DATE;
import static org.autocollections.fuzz.Mutations.Kind.ENUM;
import static org.autocollections.fuzz.Mutations.Kind.ID;
import static org.autocollections.fuzz.Mutations.Kind.MONEY;
import static org.autocollections.fuzz.Mutations.Kind.TIMESTAMP;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.autocollections.fuzz.Fuzzer.Outcome;
import org.autocollections.fuzz.Fuzzer.Request;
import org.autocollections.fuzz.Mutations.Applied;
import org.autocollections.fuzz.Mutations.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import net.jqwik.api.Arbitraries;

/**
 * Generated requests to the stored cases: {@code PUT /api/v1/cases/{caseId}} with mutated cases and odd ids, and the
 * history logs ({@code POST .../contacts}, {@code /legal-actions}, {@code /plans}, {@code /promises},
 * {@code /payments}) with mutated entries. Each is stored or refused with a problem naming the field; none is a 5xx.
 */
@QuarkusTest
@TestProfile(FuzzProfile.class)
class StoredCaseFuzzTest {

    private static final String CASES = "/api/v1/cases/";
    private static final String LOGGED = "FUZZ-LOG";
    private static final Mutations STORED = new Mutations(CaseSchema.storedSchema());

    @BeforeEach
    void storeTheCaseHistoryIsLoggedOn() {
        given().contentType(ContentType.JSON).body(CaseSchema.storedCase(LOGGED).toString()).put(CASES + LOGGED)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void mutatedCasesAreStoredOrRefusedNamingTheField() {
        Fuzzer fuzzer = Fuzzer.named("stored cases");
        fuzzer.run(Fuzzer.share(0.14), random -> {
            if (random.nextInt(10) == 0) {
                return MalformedBodies.of("PUT", CASES + "FUZZ-MALFORMED", CaseSchema.storedCase("FUZZ-MALFORMED").toString(), random);
            }
            String id = "FUZZ-S-" + random.nextInt(100_000);
            ObjectNode c = CaseSchema.storedCase(id);
            Applied applied = random.nextInt(4) == 0 ? STORED.mutateSome(c, random, 3) : STORED.mutate(c, random);
            return Request.json(applied.description(), "PUT", CASES + id, Fuzzer.write(c, random), applied.outcome(), applied.field());
        }, null);
        fuzzer.assertNoFailures();
    }

    private static final List<String> ODD_IDS = List.of("x".repeat(65), "x".repeat(64), "\uD83D\uDE97", "\u0000", "..", ".",
            "/", "a/b", "a\\b", " ", " CASE ", "+", "CASE;v=1", "CASE?x=1", "CASE#x", "\u202Etxet", "<b>",
            "'--", "\u00E9", "e\u0301", "\uFEFF", "CASE\n1", "x".repeat(2000), "x".repeat(20_000), "\u05D0\u05D1", "\u0000".repeat(3),
            "import", "decisions", "contacts", "null", "undefined", "%00", "%2e%2e", "%C3%28", "%ED%A0%80", "%FF");

    /** An id put in the path: percent-encoded, unless it is one of the raw escapes meant to reach the server as they are. */
    private static String inPath(String id) {
        return id.startsWith("%") || id.equals("..") || id.equals(".") || id.equals("/") || id.equals("a/b")
                ? id : URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void oddCaseIdsAreStoredOrRefusedNeverAFailure() {
        Fuzzer fuzzer = Fuzzer.named("odd case ids");
        fuzzer.run(Fuzzer.share(0.04), random -> {
            String id = Fuzzer.draw(Arbitraries.of(ODD_IDS), random);
            String path = CASES + inPath(id);
            int kind = random.nextInt(5);
            if (kind == 0) {
                return new Request("GET " + Fuzzer.cut(id, 40), "GET", path, null, null, Outcome.EITHER, null);
            }
            if (kind == 1) {
                return new Request("decide " + Fuzzer.cut(id, 40), "POST", path + "/decisions", null, null, Outcome.EITHER, null);
            }
            if (kind == 2) {
                return Request.json("contact on " + Fuzzer.cut(id, 40), "POST", path + "/contacts", LOGS.get("contacts").body("C-1"),
                        Outcome.EITHER, null);
            }
            ObjectNode c = CaseSchema.storedCase(id);
            if (kind == 3) {
                c.remove("caseId");
            }
            boolean tooLong = id.length() > 64;
            return Request.json("PUT " + Fuzzer.cut(id, 40) + (kind == 3 ? " (id from the path)" : ""), "PUT", path,
                    Fuzzer.write(c, random), tooLong ? Outcome.REFUSED : Outcome.EITHER, null);
        }, null);
        fuzzer.assertNoFailures();
    }

    // ---- history logs -----------------------------------------------------------------------------------------

    /** A log endpoint: its fields, and a valid entry with a given id. */
    record Log(String idField, Map<String, Field> schema, String template) {
        String body(String id) {
            return template.replace("$ID", id);
        }
    }

    private static Map<String, Field> fields(Object... pairs) {
        Map<String, Field> schema = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 3) {
            schema.put((String) pairs[i], new Field((Mutations.Kind) pairs[i + 1], (Boolean) pairs[i + 2]));
        }
        return schema;
    }

    static final Map<String, Log> LOGS = Map.of(
            "contacts", new Log("attemptId", fields("attemptId", ID, true, "at", TIMESTAMP, true, "channel", ENUM, true,
                    "outcome", ENUM, true),
                    "{\"attemptId\":\"$ID\",\"at\":\"2026-11-28T10:00:00+08:00\",\"channel\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}"),
            "legal-actions", new Log("actionId", fields("actionId", ID, true, "stage", ENUM, true, "on", DATE, true),
                    "{\"actionId\":\"$ID\",\"stage\":\"DEMAND_NOTICE\",\"on\":\"2026-11-01\"}"),
            "plans", new Log("planId", fields("planId", ID, true, "type", ENUM, true, "startedOn", DATE, true, "status", ENUM, true),
                    "{\"planId\":\"$ID\",\"type\":\"EXTENSION\",\"startedOn\":\"2026-11-01\",\"status\":\"ACTIVE\"}"),
            "promises", new Log("promiseId", fields("promiseId", ID, true, "madeAt", TIMESTAMP, true, "dueOn", DATE, false,
                    "amount", MONEY, false, "status", ENUM, true),
                    "{\"promiseId\":\"$ID\",\"madeAt\":\"2026-11-20T10:00:00+08:00\",\"dueOn\":\"2026-11-30\",\"amount\":500.00,\"status\":\"OPEN\"}"),
            "payments", new Log("paymentId", fields("paymentId", ID, true, "on", DATE, true, "amount", MONEY, true),
                    "{\"paymentId\":\"$ID\",\"on\":\"2026-11-01\",\"amount\":500.00}"));

    private static final List<String> ENDPOINTS = List.of("contacts", "legal-actions", "plans", "promises", "payments");

    @Test
    void mutatedLogEntriesAreLoggedOrRefusedNamingTheField() {
        Fuzzer fuzzer = Fuzzer.named("history logs");
        fuzzer.run(Fuzzer.share(0.14), random -> logRequest(random), null);
        fuzzer.assertNoFailures();
    }

    private static Request logRequest(Random random) {
        String endpoint = Fuzzer.draw(Arbitraries.of(ENDPOINTS), random);
        Log log = LOGS.get(endpoint);
        String path = CASES + LOGGED + "/" + endpoint;
        String id = "F-" + Long.toHexString(random.nextLong());
        int kind = random.nextInt(12);
        if (kind == 0) {
            return MalformedBodies.of("POST", path, log.body(id), random);
        }
        if (kind == 1) {
            return Request.json(endpoint + " on an unknown case", "POST", CASES + "NO-SUCH-CASE/" + endpoint, log.body(id),
                    Outcome.REFUSED, null);
        }
        ObjectNode body = (ObjectNode) Fuzzer.parse(log.body(id).getBytes(StandardCharsets.UTF_8));
        Applied applied = new Mutations(log.schema()).mutate(body, random);
        return Request.json(endpoint + " " + applied.description(), "POST", path, Fuzzer.write(body, random),
                applied.outcome(), applied.field());
    }
}

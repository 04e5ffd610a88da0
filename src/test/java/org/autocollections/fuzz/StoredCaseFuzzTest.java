package org.autocollections.fuzz;

import static io.restassured.RestAssured.given;
import static org.autocollections.fuzz.Mutations.Kind.DATE;
import static org.autocollections.fuzz.Mutations.Kind.ID;
import static org.autocollections.fuzz.Mutations.Kind.MONEY;
import static org.autocollections.fuzz.Mutations.Kind.TIMESTAMP;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.ContactPurpose;
import org.autocollections.api.LegalStage;
import org.autocollections.api.PlanStatus;
import org.autocollections.api.PlanType;
import org.autocollections.cases.PromiseEntry;
import org.autocollections.fuzz.Fuzzer.Expected;
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
 * {@code /payments}) with mutated entries. Each must be stored, or refused with a problem naming exactly the fields at
 * fault, as the documented schema says.
 */
@QuarkusTest
@TestProfile(FuzzProfile.class)
class StoredCaseFuzzTest {

    private static final String CASES = "/api/v1/cases/";
    private static final String LOGGED = "FUZZ-LOG";
    private static final Mutations STORED = new Mutations(CaseSchema.storedSchema());

    @BeforeEach
    void storeTheCaseHistoryIsLoggedOn() {
        // a case stored by an earlier test is replaced (200), a new one created (201): which one is known beforehand
        boolean stored = given().get(CASES + LOGGED).statusCode() == 200;
        given().contentType(ContentType.JSON).body(CaseSchema.storedCase(LOGGED).toString()).put(CASES + LOGGED)
                .then().statusCode(stored ? 200 : 201);
    }

    @Test
    void mutatedCasesAreStoredOrRefusedNamingTheField() {
        Fuzzer fuzzer = Fuzzer.named("stored cases");
        fuzzer.run(Fuzzer.share(0.15), random -> {
            if (random.nextInt(10) == 0) {
                return MalformedBodies.of("PUT", CASES + "FUZZ-MALFORMED", MalformedBodies.Target.ofCase(
                        CaseSchema.storedCase("FUZZ-MALFORMED").toString(), List.of("borrower", "loan")), random);
            }
            String id = "FUZZ-S-" + random.nextInt(100_000);
            ObjectNode c = CaseSchema.storedCase(id);
            Applied applied = random.nextInt(4) == 0 ? STORED.mutateSome(c, random, 3) : STORED.mutate(c, random);
            return Request.json(applied.description(), "PUT", CASES + id, Fuzzer.write(c, random), applied.expected());
        }, null);
        fuzzer.assertNoFailures();
    }

    /** Ids the documented rule takes (1 to 64 characters, not blank, no NUL), however odd. */
    private static final List<String> VALID_IDS = List.of("x".repeat(64), "\uD83D\uDE97", " CASE ", "+", "CASE;v=1", "CASE?x=1",
            "CASE#x", "\u202Etxet", "<b>", "'--", "\u00E9", "e\u0301", "\uFEFF", "CASE\n1", "\u05D0\u05D1", "null", "undefined",
            "CASE%2", "100%");
    /** Ids it refuses: too long, blank, or holding NUL. */
    private static final List<String> INVALID_IDS = List.of("x".repeat(65), "x".repeat(2000), " ", "\t\n", "\u0000",
            "\u0000".repeat(3), "A\u0000B");
    /** An id over the HTTP server's 4,096-byte request line, refused before any route sees it. */
    private static final String TOO_LONG_FOR_A_REQUEST_LINE = "x".repeat(20_000);

    /** Every valid odd id is stored first, so that reading, deciding and logging on it have a case to find. */
    @BeforeEach
    void storeTheValidOddIds() {
        Fuzzer setup = Fuzzer.named("odd ids stored");
        for (String id : VALID_IDS) {
            Request put = Request.json("store " + id, "PUT", CASES + inPath(id), CaseSchema.storedCase(id).toString(),
                    Expected.accepted());
            String wrong = Fuzzer.check(put, setup.send(put));
            if (wrong != null) {
                throw new AssertionError("storing the case " + id + ": " + wrong);
            }
        }
    }

    /** An id put in the path, percent-encoded. */
    private static String inPath(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void oddCaseIdsAreTakenOrRefusedByTheDocumentedRule() {
        Fuzzer fuzzer = Fuzzer.named("odd case ids");
        fuzzer.run(Fuzzer.share(0.035), random -> {
            int which = random.nextInt(20);
            String id = which == 0 ? TOO_LONG_FOR_A_REQUEST_LINE
                    : Fuzzer.draw(Arbitraries.of(which < 14 ? VALID_IDS : INVALID_IDS), random);
            boolean valid = VALID_IDS.contains(id);
            boolean nul = id.indexOf('\u0000') >= 0;
            String path = CASES + inPath(id);
            String shown = Fuzzer.cut(id, 40);
            // an id no case can have: a NUL is refused naming it, any other is simply not found
            Expected absent = nul ? Expected.refused("caseId") : Expected.problem(404, "case-not-found");
            Expected tooLong = Expected.problem(414, null);
            Request request = switch (random.nextInt(5)) {
                case 0 -> new Request("GET " + shown, "GET", path, null, null, valid ? Expected.accepted()
                        : nul ? Expected.refused("caseId") : Expected.problem(404, "http-404"));
                case 1 -> new Request("decide " + shown, "POST", path + "/decisions", null, null, valid ? Expected.accepted() : absent);
                case 2 -> Request.json("contact on " + shown, "POST", path + "/contacts",
                        LOGS.get("contacts").body("C-" + random.nextInt(1_000_000)), valid ? Expected.accepted() : absent);
                default -> {
                    ObjectNode c = CaseSchema.storedCase(id);
                    boolean fromPath = random.nextBoolean();
                    if (fromPath) {
                        c.remove("caseId");
                    }
                    yield Request.json("PUT " + shown + (fromPath ? " (id from the path)" : ""), "PUT", path,
                            Fuzzer.write(c, random), valid ? Expected.accepted() : Expected.refused("caseId"));
                }
            };
            return id == TOO_LONG_FOR_A_REQUEST_LINE ? new Request(request.description(), request.method(), request.path(),
                    request.contentType(), request.body(), tooLong) : request;
        }, null);
        fuzzer.assertNoFailures();
    }

    // ---- history logs -----------------------------------------------------------------------------------------

    /** A log endpoint: its fields, and a valid entry with a given id. */
    record Log(String idField, Map<String, Field> schema, String template) {
        String body(String id) {
            return template.replace("$ID", id);
        }

        /** The fields an entry must have, which an empty object is refused naming. */
        List<String> required() {
            return schema.entrySet().stream().filter(e -> e.getValue().required()).map(Map.Entry::getKey).toList();
        }
    }

    /** Triples of a field's name, its kind (or its enumeration) and whether it is required. */
    @SuppressWarnings("unchecked")
    private static Map<String, Field> fields(Object... triples) {
        Map<String, Field> schema = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            boolean required = (Boolean) triples[i + 2];
            schema.put((String) triples[i], triples[i + 1] instanceof Mutations.Kind kind ? Field.of(kind, required)
                    : Field.enumeration((Class<? extends Enum<?>>) triples[i + 1], required));
        }
        return schema;
    }



    static final Map<String, Log> LOGS = Map.of(
            "contacts", new Log("attemptId", fields("attemptId", ID, true, "at", TIMESTAMP, true, "channel", ContactChannel.class,
                    true, "outcome", ContactOutcome.class, true, "purpose", ContactPurpose.class, false),
                    "{\"attemptId\":\"$ID\",\"at\":\"2026-11-28T10:00:00+08:00\",\"channel\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}"),
            "legal-actions", new Log("actionId", fields("actionId", ID, true, "stage", LegalStage.class, true, "on", DATE, true),
                    "{\"actionId\":\"$ID\",\"stage\":\"DEMAND_NOTICE\",\"on\":\"2026-11-01\"}"),
            "plans", new Log("planId", fields("planId", ID, true, "type", PlanType.class, true, "startedOn", DATE, true, "status",
                    PlanStatus.class, true),
                    "{\"planId\":\"$ID\",\"type\":\"EXTENSION\",\"startedOn\":\"2026-11-01\",\"status\":\"ACTIVE\"}"),
            "promises", new Log("promiseId", fields("promiseId", ID, true, "madeAt", TIMESTAMP, true, "dueOn", DATE, false,
                    "amount", MONEY, false, "status", PromiseEntry.Status.class, true),
                    "{\"promiseId\":\"$ID\",\"madeAt\":\"2026-11-20T10:00:00+08:00\",\"dueOn\":\"2026-11-30\",\"amount\":500.00,\"status\":\"OPEN\"}"),
            "payments", new Log("paymentId", fields("paymentId", ID, true, "on", DATE, true, "amount", MONEY, true),
                    "{\"paymentId\":\"$ID\",\"on\":\"2026-11-01\",\"amount\":500.00}"));

    private static final List<String> ENDPOINTS = List.of("contacts", "legal-actions", "plans", "promises", "payments");

    @Test
    void mutatedLogEntriesAreLoggedOrRefusedNamingTheField() {
        Fuzzer fuzzer = Fuzzer.named("history logs");
        fuzzer.run(Fuzzer.share(0.15), random -> logRequest(random), null);
        fuzzer.assertNoFailures();
    }

    private static Request logRequest(Random random) {
        String endpoint = Fuzzer.draw(Arbitraries.of(ENDPOINTS), random);
        Log log = LOGS.get(endpoint);
        String path = CASES + LOGGED + "/" + endpoint;
        String id = "F-" + Long.toHexString(random.nextLong());
        int kind = random.nextInt(12);
        if (kind == 0) {
            return MalformedBodies.of("POST", path, MalformedBodies.Target.logEntry(log.body(id), log.required()), random);
        }
        if (kind == 1) {
            return Request.json(endpoint + " on an unknown case", "POST", CASES + "NO-SUCH-CASE/" + endpoint, log.body(id),
                    Expected.problem(404, "case-not-found"));
        }
        ObjectNode body = (ObjectNode) Fuzzer.parse(log.body(id).getBytes(StandardCharsets.UTF_8));
        Applied applied = new Mutations(log.schema()).mutate(body, random);
        return Request.json(endpoint + " " + applied.description(), "POST", path, Fuzzer.write(body, random), applied.expected());
    }
}

package org.autocollections.portfolio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A servicer loads its whole portfolio in one request, as JSON Lines or CSV, and sends it again every night. */
@QuarkusTest
class PortfolioImportTest {

    private static final String IMPORT = "/api/v1/cases/import";
    private static final String JSONL = "application/x-ndjson";
    private static final String CSV = "text/csv";

    @TestHTTPResource(IMPORT)
    URI importUri;

    @org.junit.jupiter.api.BeforeAll
    static void sendPortfoliosAsText() {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A request whose body is sent as it is, in UTF-8. */
    private static io.restassured.specification.RequestSpecification send(String contentType) {
        return given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                .encodeContentTypeAs(contentType, ContentType.TEXT).defaultCharsetForContentType("UTF-8", contentType)))
                .contentType(contentType);
    }

    @Test
    void aBadLineInTheMiddleIsReportedByItsLineNumberAndTheOthersImport() {
        ObjectNode tooMuchOverdue = Portfolios.storedCase("JL-3");
        ((ObjectNode) tooMuchOverdue.get("loan")).put("overdueAmount", 90000.00);
        String body = String.join("\n",
                Portfolios.line("JL-1"),
                Portfolios.line("JL-2"),
                tooMuchOverdue.toString(),          // line 3: a rule across two fields
                "",                                 // line 4: blank, skipped but counted
                "{\"caseId\": \"JL-5\", \"borrower\": ", // line 5: not JSON
                Portfolios.line("JL-6"),
                Portfolios.line("JL-7").replace("\"creditScore\":640", "\"creditScore\":\"640\"")) + "\n"; // a string for a number

        send(JSONL).body(body).post(IMPORT).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("imported", equalTo(3))
                .body("created", equalTo(3))
                .body("updated", equalTo(0))
                .body("failed", equalTo(3))
                .body("errors", hasSize(3))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].caseId", equalTo("JL-3"))
                .body("errors[0].problem.status", equalTo(400))
                .body("errors[0].problem.type", equalTo("https://autocollections.org/problems/invalid-case"))
                .body("errors[0].problem.errors[0].field", equalTo("loan.overdueAmount"))
                .body("errors[0].problem.errors[0].message", equalTo("must not exceed loan.outstandingBalance"))
                .body("errors[1].line", equalTo(5))
                .body("errors[1].caseId", nullValue())
                .body("errors[1].problem.type", equalTo("https://autocollections.org/problems/malformed-json"))
                .body("errors[2].line", equalTo(7))
                .body("errors[2].caseId", equalTo("JL-7"))
                .body("errors[2].problem.errors[0].field", equalTo("borrower.creditScore"))
                .body("errors[2].problem.errors[0].message", equalTo("must be a number"));

        given().get("/api/v1/cases/JL-6").then().statusCode(200)
                .body("caseData.loan.outstandingBalance", equalTo(86000.00f))
                .body("revision", equalTo(0));
        given().get("/api/v1/cases/JL-3").then().statusCode(404);
    }

    @Test
    void historyIsRefusedAsPutRefusesIt() {
        ObjectNode withHistory = Portfolios.storedCase("JL-HIST");
        withHistory.putObject("history").put("brokenPromises", 1);
        send(JSONL).body(withHistory + "\n").post(IMPORT).then().statusCode(200)
                .body("imported", equalTo(0)).body("failed", equalTo(1))
                .body("errors[0].problem.errors[0].field", equalTo("history"));
    }

    @Test
    void csvRowsBecomeCasesWithListsNumbersBooleansAndAbsentFields() {
        String csv = String.join("\n",
                "caseId,jurisdiction,borrower.timeZone,borrower.creditScore,borrower.monthlyIncome,borrower.hardship,"
                        + "borrower.flags,borrower.consents.phone,loan.outstandingBalance,loan.overdueAmount,"
                        + "loan.annualInterestRate,loan.monthlyInstalment,loan.remainingTermMonths,loan.oldestUnpaidDueDate,"
                        + "loan.arbitrationClause,collateral.vehicleValue,collateral.gpsTracking",
                "CSV-1,CN,Asia/Shanghai,640,12000.00,ILLNESS,DISPUTE_OPEN|WILFUL_DEFAULT,false,86000.00,4300.00,0.068,2150.00,40,2026-10-15,true,70000.00,ONLINE",
                "CSV-2,US,America/New_York,,,,BANKRUPTCY; MILITARY_SERVICE,,21000.00,900.00,,,,2026-09-01,FALSE,,",
                "CSV-3,CN,Asia/Shanghai,six hundred,,,,,86000.00,4300.00,,,,2026-10-15,maybe,,",
                "CSV-4,CN,Asia/Shanghai,640,,,,,86000.00") + "\n";

        send(CSV).body(csv).post(IMPORT).then().statusCode(200)
                .body("imported", equalTo(2))
                .body("failed", equalTo(2))
                .body("errors[0].line", equalTo(4))
                .body("errors[0].caseId", equalTo("CSV-3"))
                .body("errors[0].problem.errors.field", hasItem("borrower.creditScore"))
                .body("errors[1].line", equalTo(5))
                .body("errors[1].caseId", equalTo("CSV-4"))
                .body("errors[1].problem.type", equalTo("https://autocollections.org/problems/malformed-csv"));

        given().get("/api/v1/cases/CSV-1").then().statusCode(200)
                .body("caseData.borrower.flags", containsInAnyOrder("DISPUTE_OPEN", "WILFUL_DEFAULT"))
                .body("caseData.borrower.creditScore", equalTo(640))
                .body("caseData.borrower.consents.phone", equalTo(false))
                .body("caseData.loan.remainingTermMonths", equalTo(40))
                .body("caseData.loan.annualInterestRate", equalTo(0.068f))
                .body("caseData.loan.arbitrationClause", equalTo(true))
                .body("caseData.collateral.gpsTracking", equalTo("ONLINE"));
        given().get("/api/v1/cases/CSV-2").then().statusCode(200)
                .body("caseData.jurisdiction", equalTo("US"))
                .body("caseData.borrower.flags", containsInAnyOrder("BANKRUPTCY", "MILITARY_SERVICE"))
                .body("caseData.borrower.creditScore", nullValue())     // an empty cell is an absent field
                .body("caseData.borrower.consents", nullValue())
                .body("caseData.collateral", nullValue())
                .body("caseData.loan.arbitrationClause", equalTo(false));
        // A stored case from CSV is decided like any other.
        given().queryParam("asOf", "2026-11-29T10:00:00+08:00").post("/api/v1/cases/CSV-1/decisions").then().statusCode(200);
    }

    @Test
    void csvQuotingSpansLinesAndAnUnclosedQuoteStopsTheImportThere() {
        String csv = "\uFEFFcaseId,borrower.customerId,borrower.timeZone,loan.outstandingBalance,loan.overdueAmount,loan.arbitrationClause\n"
                + "Q-1,\"Smith, J.\nsecond line\",Asia/Shanghai,1000.00,10.00,false\n"   // lines 2-3
                + "Q-2,X,Asia/Shanghai,1000.00,10.00,false\n"                              // line 4
                + "Q-3,\"never closed,Asia/Shanghai,1000.00,10.00,false\n"                 // line 5
                + "Q-4,X,Asia/Shanghai,1000.00,10.00,false\n";
        send(CSV).body(csv).post(IMPORT).then().statusCode(200)
                .body("imported", equalTo(2))
                .body("failed", equalTo(1))
                .body("errors[0].problem.type", equalTo("https://autocollections.org/problems/malformed-csv"))
                .body("errors[0].problem.detail", org.hamcrest.Matchers.containsString("the rest of the file was not read"));
        given().get("/api/v1/cases/Q-1").then().statusCode(200).body("caseData.borrower.customerId", equalTo("Smith, J.\nsecond line"));
        given().get("/api/v1/cases/Q-2").then().statusCode(200);
        given().get("/api/v1/cases/Q-4").then().statusCode(404);
    }

    @Test
    void aCsvHeaderNamingNoFieldOfACaseIsRefusedWhole() {
        String csv = "caseId,borrower.creditScor,loan,history.brokenPromises,loan.overdueAmount\nHDR-1,640,,,1\n";
        send(CSV).body(csv).post(IMPORT).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://autocollections.org/problems/invalid-portfolio"))
                .body("detail", equalTo("The CSV header names 3 column(s) that are not fields of a case; nothing was imported."))
                .body("errors.field", containsInAnyOrder("borrower.creditScor", "loan", "history.brokenPromises"));
        given().get("/api/v1/cases/HDR-1").then().statusCode(404);
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndSaysSo() {
        String body = Portfolios.line("RE-1") + "\n" + Portfolios.line("RE-2") + "\n" + Portfolios.line("RE-3") + "\n";
        send(JSONL).body(body).post(IMPORT).then().statusCode(200)
                .body("imported", equalTo(3)).body("created", equalTo(3));
        String before = given().get("/api/v1/cases/RE-2").then().extract().asString();

        send(JSONL).body(body).post(IMPORT).then().statusCode(200)
                .body("imported", equalTo(3)).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("unchanged", equalTo(3)).body("failed", equalTo(0));
        assertThat(given().get("/api/v1/cases/RE-2").then().extract().asString()).isEqualTo(before);

        // One case changed: only it is written, and its revision moves on as a PUT's would.
        ObjectNode changed = Portfolios.storedCase("RE-2");
        ((ObjectNode) changed.get("loan")).put("outstandingBalance", 85000.00);
        String next = Portfolios.line("RE-1") + "\n" + changed + "\n" + Portfolios.line("RE-3") + "\n";
        send(JSONL).body(next).post(IMPORT).then().statusCode(200)
                .body("updated", equalTo(1)).body("unchanged", equalTo(2));
        given().get("/api/v1/cases/RE-2").then()
                .body("caseData.loan.outstandingBalance", equalTo(85000.0f)).body("revision", equalTo(1));
        // And the entity still updates through PUT after an import changed its revision.
        ((ObjectNode) changed.get("loan")).put("outstandingBalance", 84000.00);
        given().contentType(ContentType.JSON).body(changed.toString()).put("/api/v1/cases/RE-2").then().statusCode(200)
                .body("revision", equalTo(2));
    }

    @Test
    void aCaseStoredByPutAndImportedAsItIsIsUnchanged() {
        ObjectNode c = Portfolios.storedCase("PUT-THEN-IMPORT");
        ((ObjectNode) c.get("borrower")).putArray("flags").add("DISPUTE_OPEN").add("WILFUL_DEFAULT").add("BANKRUPTCY");
        given().contentType(ContentType.JSON).body(c.toString()).put("/api/v1/cases/PUT-THEN-IMPORT").then().statusCode(201);
        send(JSONL).body(c + "\n").post(IMPORT).then().statusCode(200)
                .body("unchanged", equalTo(1)).body("updated", equalTo(0));
    }

    @Test
    void theSameCaseTwiceInOneFileIsStoredInFileOrder() {
        ObjectNode second = Portfolios.storedCase("TWICE");
        ((ObjectNode) second.get("loan")).put("outstandingBalance", 80000.00);
        String body = Portfolios.line("TWICE") + "\n" + second + "\n";
        send(JSONL).body(body).post(IMPORT).then().statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(1));
        given().get("/api/v1/cases/TWICE").then()
                .body("caseData.loan.outstandingBalance", equalTo(80000.0f)).body("revision", equalTo(1));
    }

    @Test
    void otherContentTypesAreA415Problem() {
        given().contentType(ContentType.JSON).body("[" + Portfolios.line("JSON-1") + "]").post(IMPORT).then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415))
                .body("type", equalTo("https://autocollections.org/problems/http-415"));
        send("text/plain").body("caseId\nX\n").post(IMPORT).then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void anEmptyBodyImportsNothing() {
        for (String type : List.of(JSONL, CSV, CSV + "; charset=UTF-8")) {
            send(type).body("").post(IMPORT).then().statusCode(200)
                    .body("imported", equalTo(0)).body("failed", equalTo(0)).body("errors", hasSize(0));
        }
    }

    @Test
    void theExamplesInTheApiDocumentImport() throws Exception {
        String doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode post = new ObjectMapper().readTree(doc).at("/paths/~1api~1v1~1cases~1import/post");
        assertThat(post.isMissingNode()).isFalse();
        for (String type : List.of(JSONL, CSV)) {
            JsonNode example = post.at("/requestBody/content/" + type.replace("/", "~1") + "/examples").elements().next().get("value");
            assertThat(example.isTextual()).as(post.toString()).isTrue();
            String body = example.asText().replace("CASE-", "DOC-" + type.length() + "-");
            send(type).body(body).post(IMPORT).then().statusCode(200)
                    .body("imported", equalTo(2)).body("failed", equalTo(0));
        }
    }

    /**
     * 20,000 cases, about 12 MB: three times the service's 4 MB body limit, which the import is not held to since it
     * streams. Sent once with a length and once in chunks; the second time every case is unchanged.
     */
    @Test
    void twentyThousandCasesStreamPastTheBodyLimit(@TempDir Path dir) throws Exception {
        Path file = Portfolios.jsonLines(dir.resolve("portfolio.jsonl"), "BIG-", 20_000);
        assertThat(Files.size(file)).isGreaterThan(8L * 1024 * 1024);

        send(JSONL).body(file.toFile()).post(IMPORT).then().statusCode(200)
                .body("imported", equalTo(20_000)).body("created", equalTo(20_000)).body("failed", equalTo(0));

        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(importUri)
                .header("Content-Type", JSONL)
                .header("Authorization", org.autocollections.security.Tokens.bearer(
                        org.autocollections.security.Tokens.of(org.autocollections.security.Roles.BATCH)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return Files.newInputStream(file);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(200);
        JsonNode summary = new ObjectMapper().readTree(chunked.body());
        assertThat(summary.get("unchanged").asLong()).isEqualTo(20_000);
        assertThat(summary.get("imported").asLong()).isEqualTo(20_000);

        given().get("/api/v1/cases/BIG-19999").then().statusCode(200)
                .body("caseData.borrower.creditScore", equalTo(300 + 19_999 % 551));
    }

    @Test
    void onlyTheFirstHundredErrorsAreListedButAllAreCounted() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            body.append("{\"caseId\":\"BAD-").append(i).append("\"}\n");
        }
        body.append(Portfolios.line("GOOD-AFTER-BAD")).append('\n');
        send(JSONL).body(body.toString()).post(IMPORT).then().statusCode(200)
                .body("failed", equalTo(150)).body("errors", hasSize(100)).body("imported", equalTo(1))
                .body("errors[99].line", equalTo(100));
    }
}

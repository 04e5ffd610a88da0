package org.autocollections.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.autocollections.scoring.PortfolioRuns;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.logging.json.runtime.JsonFormatter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Traces as a tracing backend receives them, with an OTLP endpoint configured: each decision is a span for its request
 * with the reading of the case, the engine and the record's commit as children, carrying the ruleset version and the
 * next action and nothing of the borrower; a caller's traceparent is continued; the decision record and the JSON log
 * line name the trace. Batches and portfolio runs stay a handful of spans however many cases they hold.
 */
@QuarkusTest
@TestProfile(TracesOn.class)
class TracesTest {

    private static final String CUSTOMER = "CUST-PII-TRACE-5521";
    private static final String LOAN = "LN-PII-TRACE-0042";
    private static final String INCOME = "12345.67";

    @Inject
    InMemorySpanExporter exported;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    PortfolioRuns runs;

    /** A caller's trace context: a trace id and the caller's own span id, as a W3C traceparent header sends them. */
    private record Caller(String traceId, String spanId) {
        static Caller next() {
            return new Caller(hex(32), hex(16));
        }

        String traceparent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }

        private static String hex(int digits) {
            return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, digits);
        }
    }

    /** The example case with the borrower's identifiers and income set to values a test can search for. */
    private static ObjectNode marked(String caseId) {
        ObjectNode c = Cases.withDueDate(caseId, "2026-10-15");
        Cases.object(c, "borrower").put("customerId", CUSTOMER).put("monthlyIncome", new java.math.BigDecimal(INCOME));
        Cases.object(c, "loan").put("loanId", LOAN);
        return c;
    }

    private static Response decide(Caller caller, String path, String body) {
        return given().contentType(ContentType.JSON).header("traceparent", caller.traceparent()).body(body).post(path);
    }

    /**
     * The spans of the trace, once its request's span has ended: the server ends it as the answer goes out, so it may
     * reach the exporter just after the client has the answer. Waits for it, up to a generous bound.
     */
    private List<SpanData> trace(String traceId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            ((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
            List<SpanData> spans = exported.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            if (spans.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER) || System.nanoTime() > deadline) {
                return spans;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private static SpanData named(List<SpanData> spans, String name) {
        List<SpanData> found = spans.stream().filter(s -> s.getName().equals(name)).toList();
        assertThat(found).as("spans named " + name + " in " + spans).hasSize(1);
        return found.get(0);
    }

    private static SpanData server(List<SpanData> spans) {
        List<SpanData> found = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
        assertThat(found).as("the request's span in " + spans).hasSize(1);
        return found.get(0);
    }

    /** Every string a backend would show of a span: its name, attributes, events, links and status. */
    private static String shown(SpanData span) {
        return span.getName() + " " + span.getAttributes() + " " + span.getEvents() + " " + span.getLinks() + " "
                + span.getStatus() + " " + span.getResource().getAttributes();
    }

    @Test
    void aDecisionIsItsRequestsSpanWithTheReadingTheEngineAndTheCommitBelow() {
        Caller caller = Caller.next();
        Response answer = decide(caller, "/api/v1/decisions?trace=full", marked("TRACE-1").toString());
        answer.then().statusCode(200);

        List<SpanData> spans = trace(caller.traceId());
        SpanData request = server(spans);
        assertThat(request.getName()).isEqualTo("POST /api/v1/decisions");
        assertThat(request.getParentSpanId()).as("the caller's traceparent is continued").isEqualTo(caller.spanId());
        assertThat(request.getAttributes().get(DecisionSpans.TRACE_MODE)).isEqualTo("full");
        SpanData read = named(spans, DecisionSpans.CASE_READ);
        SpanData engine = named(spans, DecisionSpans.ENGINE_DECIDE);
        SpanData commit = named(spans, DecisionSpans.RECORD_COMMIT);
        for (SpanData step : List.of(read, engine, commit)) {
            assertThat(step.getParentSpanId()).as(step.getName() + " is a child of the request").isEqualTo(request.getSpanId());
        }
        assertThat(engine.getAttributes().get(DecisionSpans.RULESET_VERSION)).isEqualTo(answer.path("rulesetVersion"));
        assertThat(engine.getAttributes().get(DecisionSpans.NEXT_ACTION)).isEqualTo(answer.path("nextAction.type"));
        assertThat(engine.getAttributes().get(DecisionSpans.BUCKET)).isEqualTo("M2");
        assertThat(commit.getAttributes().get(DecisionSpans.GROUP_SIZE)).isPositive();

        given().get("/api/v1/decisions/" + answer.path("decisionId")).then().statusCode(200)
                .body("traceId", org.hamcrest.Matchers.equalTo(caller.traceId()));
    }

    @Test
    void aStoredCaseDecisionReadsTheCaseInItsOwnSpan() {
        ObjectNode stored = marked("TRACE-STORED");
        stored.remove("history");
        stored.remove("asOf");
        given().contentType(ContentType.JSON).body(stored.toString()).put("/api/v1/cases/TRACE-STORED").then().statusCode(201);
        Caller caller = Caller.next();
        String decisionId = given().header("traceparent", caller.traceparent()).queryParam("asOf", "2026-11-29T10:00:00+08:00")
                .post("/api/v1/cases/TRACE-STORED/decisions").then().statusCode(200)
                .extract().path("decisionId");

        List<SpanData> spans = trace(caller.traceId());
        SpanData request = server(spans);
        assertThat(request.getName()).as("named by its route, not the path").isEqualTo("POST /api/v1/cases/{caseId}/decisions");
        assertThat(List.of(DecisionSpans.CASE_READ, DecisionSpans.ENGINE_DECIDE, DecisionSpans.RECORD_COMMIT))
                .allSatisfy(name -> assertThat(named(spans, name).getParentSpanId()).isEqualTo(request.getSpanId()));
        assertThat(request.getAttributes().get(DecisionSpans.TRACE_MODE)).isEqualTo("compact");
        given().get("/api/v1/decisions/" + decisionId).then().body("traceId", org.hamcrest.Matchers.equalTo(caller.traceId()));
    }

    @Test
    void aBatchIsOneSpanPerStepHoweverManyCasesItHolds() {
        Caller caller = Caller.next();
        ObjectNode invalid = marked("TRACE-B3");
        Cases.object(invalid, "borrower").put("creditScore", 5);
        String body = "{\"cases\":[" + marked("TRACE-B1") + "," + marked("TRACE-B2") + "," + invalid + "]}";
        Response answer = decide(caller, "/api/v1/decisions/batch", body);
        answer.then().statusCode(200);

        List<SpanData> spans = trace(caller.traceId());
        assertThat(spans).extracting(SpanData::getName).hasSize(4)
                .contains(DecisionSpans.CASE_READ, DecisionSpans.ENGINE_DECIDE, DecisionSpans.RECORD_COMMIT);
        SpanData engine = named(spans, DecisionSpans.ENGINE_DECIDE);
        assertThat(engine.getAttributes().get(DecisionSpans.CASES)).isEqualTo(2L);
        assertThat(engine.getAttributes().get(DecisionSpans.RULESET_VERSION)).isEqualTo(answer.path("rulesetVersion"));
        assertThat(named(spans, DecisionSpans.RECORD_COMMIT).getAttributes().get(DecisionSpans.GROUP_SIZE)).isEqualTo(2L);
        String decisionId = answer.path("results[0].decision.decisionId");
        given().get("/api/v1/decisions/" + decisionId).then().body("traceId", org.hamcrest.Matchers.equalTo(caller.traceId()));
    }

    @Test
    void noSpanCarriesAnythingOfTheBorrower() {
        List<Caller> callers = List.of(Caller.next(), Caller.next(), Caller.next(), Caller.next());
        decide(callers.get(0), "/api/v1/decisions?trace=full", marked("TRACE-P1").toString()).then().statusCode(200);
        ObjectNode invalid = marked("TRACE-P2");
        Cases.object(invalid, "borrower").put("creditScore", 5).put("customerId", CUSTOMER + "x".repeat(80));
        decide(callers.get(1), "/api/v1/decisions", invalid.toString()).then().statusCode(400);
        // A body the JSON parser fails on, quoting it in its exception (which Quarkus would record on the span)
        decide(callers.get(2), "/api/v1/decisions", marked("TRACE-P3").toString().replace(CUSTOMER, CUSTOMER + "\"x"))
                .then().statusCode(400);
        decide(callers.get(3), "/api/v1/decisions/batch", "{\"cases\":[" + marked("TRACE-P4") + "]}").then().statusCode(200);

        for (Caller caller : callers) {
            List<SpanData> spans = trace(caller.traceId());
            server(spans);
            for (SpanData span : spans) {
                assertThat(shown(span)).doesNotContain(CUSTOMER, LOAN, INCOME, "12345.6");
                assertThat(span.getEvents()).as("no span events, whose exception messages could quote a case").isEmpty();
            }
        }
        SpanData refused = named(trace(callers.get(1).traceId()), DecisionSpans.CASE_READ);
        assertThat(refused.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
        assertThat(refused.getAttributes().get(DecisionSpans.ERROR_TYPE))
                .as("a failure is named by its class alone").isEqualTo(org.autocollections.api.InvalidRequestException.class.getName());
    }

    @Test
    void theDecisionsJsonLogLineNamesTheTraceAndTheRequestsSpan() throws Exception {
        JsonFormatter json = new JsonFormatter();
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(json.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger logger = Logger.getLogger("org.autocollections.decisions");
        logger.addHandler(capture);
        Caller caller = Caller.next();
        String decisionId;
        try {
            decisionId = decide(caller, "/api/v1/decisions", marked("TRACE-LOG").toString()).then().statusCode(200)
                    .extract().path("decisionId");
        } finally {
            logger.removeHandler(capture);
        }

        SpanData request = server(trace(caller.traceId()));
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> decisionLines = lines.stream().map(line -> {
            try {
                return mapper.readTree(line);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).filter(line -> line.path("message").asText().contains(decisionId)).toList();
        assertThat(decisionLines).as("the decision's log line, in " + lines).hasSize(1);
        JsonNode mdc = decisionLines.get(0).path("mdc");
        assertThat(mdc.path("traceId").asText()).isEqualTo(caller.traceId());
        assertThat(mdc.path("spanId").asText()).isEqualTo(request.getSpanId());
        assertThat(mdc.path("requestId").asText()).isNotEmpty();
    }

    @Test
    void aPortfolioRunIsOneSpanPerShardAndNoneForItsCases() throws Exception {
        for (int i = 0; i < 3; i++) {
            ObjectNode c = marked("TRACE-RUN-" + i);
            c.remove("history");
            c.remove("asOf");
            int expected = given().get("/api/v1/cases/TRACE-RUN-" + i).statusCode() == 404 ? 201 : 200;
            given().contentType(ContentType.JSON).body(c.toString()).put("/api/v1/cases/TRACE-RUN-" + i).then().statusCode(expected);
        }
        String runId = given().contentType(ContentType.JSON).body("{\"asOf\":\"2026-11-29T02:00:00Z\"}")
                .post("/api/v1/portfolio/runs").then().statusCode(202).extract().path("runId");
        assertThat(runs.await(runId, 5, TimeUnit.MINUTES)).as("the run ends").isTrue();
        ((OpenTelemetrySdk) openTelemetry).getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);

        List<SpanData> shards = exported.getFinishedSpanItems().stream()
                .filter(s -> runId.equals(s.getAttributes().get(DecisionSpans.RUN_ID))).toList();
        assertThat(shards).hasSize(1);
        SpanData shard = shards.get(0);
        assertThat(shard.getName()).isEqualTo(DecisionSpans.PORTFOLIO_SHARD);
        assertThat(shard.getAttributes().get(DecisionSpans.SHARD)).isEqualTo("0/1");
        assertThat(shard.getAttributes().get(DecisionSpans.RULESET_VERSION)).isNotBlank();
        assertThat(exported.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(shard.getTraceId())))
                .as("the run's cases make no spans of their own").containsExactly(shard);
    }
}

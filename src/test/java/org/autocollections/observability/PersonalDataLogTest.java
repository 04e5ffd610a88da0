package org.autocollections.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.autocollections.Cases;
import org.autocollections.http.ProblemMappers;
import org.autocollections.audit.ThroughProxy;
import org.autocollections.audit.FlakyDatabase;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Personal data never reaches the log: decisions given, refused and failed (database cut, invalid input, an
 * unexpected fault quoting the borrower) are run with a distinctive customer id, and every log line the service
 * writes meanwhile is captured and searched for it. Shares the proxied database of the fail-closed tests.
 */
@QuarkusTest
@TestProfile(ThroughProxy.class)
class PersonalDataLogTest {

    /** The service's own mappers, as they answer a request (the caller's language included). */
    @jakarta.inject.Inject
    ProblemMappers mappers;

    private static final String MARKER = "CUST-PII-7731-MARKER";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final PatternFormatter format = new PatternFormatter("%p %c %X %s%e");

        @Override
        public void publish(LogRecord record) {
            lines.add(format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    private static ObjectNode marked(String caseId) {
        ObjectNode c = Cases.withDueDate(caseId, "2026-10-15");
        Cases.object(c, "borrower").put("customerId", MARKER);
        return c;
    }

    private static ObjectNode stored(ObjectNode c) {
        c.remove("history");
        c.remove("asOf");
        return c;
    }

    @Test
    void theCustomerIdIsInNoLogLine() {
        given().contentType(ContentType.JSON).body(marked("PII-1").toString()).post("/api/v1/decisions")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"cases\":[" + marked("PII-2") + "]}")
                .post("/api/v1/decisions/batch").then().statusCode(200);
        ObjectNode invalid = marked("PII-3");
        Cases.object(invalid, "borrower").put("creditScore", 5);
        given().contentType(ContentType.JSON).body(invalid.toString()).post("/api/v1/decisions").then().statusCode(400);
        given().contentType(ContentType.JSON).body(marked("PII-4").toString().replace("}", "")).post("/api/v1/decisions")
                .then().statusCode(400);

        FlakyDatabase.proxy().cut();
        try {
            given().contentType(ContentType.JSON).header("X-Request-Id", "pii-req-5").body(marked("PII-5").toString())
                    .post("/api/v1/decisions")
                    .then().statusCode(503);
            given().contentType(ContentType.JSON).body(stored(marked("PII-6")).toString()).put("/api/v1/cases/PII-6")
                    .then().statusCode(503);
        } finally {
            FlakyDatabase.proxy().restore();
        }

        // An unexpected fault whose message, and whose cause's, quote the borrower, as a driver or parser may.
        RuntimeException quoting = new IllegalStateException("Value too long for column: '{\"customerId\":\"" + MARKER + "\"}'",
                new java.sql.SQLException("row " + MARKER));
        assertThat(mappers.unexpected(quoting, null).getStatus()).isEqualTo(500);

        assertThat(lines).as("the capture sees the service's warnings and errors")
                .anyMatch(l -> l.contains("The database is unavailable") && l.contains("pii-req-5"))
                .anyMatch(l -> l.contains("Unexpected failure") && l.contains("java.lang.IllegalStateException (message withheld)")
                        && l.contains("java.sql.SQLException (message withheld)"));
        assertThat(lines).noneMatch(l -> l.contains(MARKER));
    }

    @Test
    void theServicesOwnMessagesAreKept() {
        RuntimeException own = new org.autocollections.engine.PolicyConflictException("two next actions for case C-1");
        assertThat(LogSafe.describe(own))
                .isEqualTo("org.autocollections.engine.PolicyConflictException: two next actions for case C-1");
        assertThat(LogSafe.redact(new RuntimeException("secret", own)).getCause().getMessage())
                .isEqualTo("two next actions for case C-1");
        assertThat(LogSafe.redact(own).getStackTrace()).isEqualTo(own.getStackTrace());
    }
}

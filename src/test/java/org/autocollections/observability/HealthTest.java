package org.autocollections.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.autocollections.audit.ThroughProxy;
import org.autocollections.audit.FlakyDatabase;
import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With the database cut off the service is not ready (a load balancer stops sending cases) but alive (nothing
 * restarts it: it recovers by itself when the database returns). Shares the proxied database of the fail-closed tests.
 */
@QuarkusTest
@TestProfile(ThroughProxy.class)
class HealthTest {

    /** The startup probe's check: UP once the first ruleset is active, naming the version that serves. */
    @Test
    void startedOnceTheFirstRulesetIsActive() {
        String serving = given().get("/q/health/ready").then().statusCode(200)
                .extract().path("checks.find { it.name == 'ruleset' }.data.version");
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.contains("ruleset"))
                .body("checks[0].data.version", equalTo(serving))
                .body("checks[0].data.version", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{16}"));
    }

    @Test
    void readyWithARulesetAndTheDatabaseAliveRegardless() throws Exception {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("ruleset"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        FlakyDatabase.proxy().cut();
        try {
            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("checks.find { it.status == 'DOWN' }.name", org.hamcrest.Matchers.containsString("Database"));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/live").then().body("checks.name", org.hamcrest.Matchers.not(hasItem(
                    org.hamcrest.Matchers.containsString("Database"))));

            double before = Math.max(0, MetricsTest.value(MetricsTest.scrape(), "collections_audit_write_failures_total"));
            given().contentType(ContentType.JSON).body(Cases.withDueDate("HC-DOWN", "2026-10-15").toString())
                    .post("/api/v1/decisions").then().statusCode(503);
            String scrape = MetricsTest.scrape();
            org.assertj.core.api.Assertions.assertThat(MetricsTest.value(scrape, "collections_audit_write_failures_total"))
                    .isEqualTo(before + 1);
            org.assertj.core.api.Assertions.assertThat(scrape)
                    .contains("collections_decisions_total{jurisdiction=\"CN\",next_action=\"none\",outcome=\"failed\"}");
        } finally {
            FlakyDatabase.proxy().restore();
        }

        int status = 0;
        for (int attempt = 0; attempt < 30 && status != 200; attempt++) {
            status = given().get("/q/health/ready").statusCode();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        org.assertj.core.api.Assertions.assertThat(status).as("ready again without a restart").isEqualTo(200);
    }
}

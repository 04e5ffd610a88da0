package org.autocollections.lifecycle;

import org.autocollections.api.Problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RulesetResourceTest {

    @Test
    void theActiveRulesetNamesItsVersionFilesAndLoadTime() {
        given().get("/api/v1/rulesets/active").then().statusCode(200)
                .body("version", matchesPattern("[0-9a-f]{16}"))
                .body("digest", matchesPattern("[0-9a-f]{64}"))
                .body("loadedAt", notNullValue())
                .body("ruleCount", greaterThan(0))
                .body("files.path", hasItems("rules/overdue.drl", "rules/risk-rating.drl", "rules/contact-method.drl",
                        "rules/contact-frequency.drl", "rules/repayment-plans.drl", "rules/legal-escalation.drl",
                        "rules/next-action.drl", "decision-tables/overdue-buckets.drl.csv",
                        "decision-tables/overdue-classification.drl.csv", "decision-tables/penalty-interest.drl.csv",
                        "decision-tables/risk-rating.drl.csv", "decision-tables/contact-method.drl.csv",
                        "decision-tables/contact-frequency.drl.csv", "decision-tables/repayment-plans.drl.csv",
                        "decision-tables/legal-escalation.drl.csv", "decision-tables/next-action.drl.csv"))
                .body("files.sha256", everyItem(matchesPattern("[0-9a-f]{64}")));
    }

    @Test
    void theActivationIsRecordedInTheDatabase() {
        String version = given().get("/api/v1/rulesets/active").then().extract().path("version");
        given().get("/api/v1/rulesets/activations?limit=1").then().statusCode(200)
                .body("[0].version", equalTo(version))
                .body("[0].ruleCount", greaterThan(0));
    }

    @Test
    void aBadLimitIsAProblem() {
        given().get("/api/v1/rulesets/activations?limit=0").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("limit"));
    }
}

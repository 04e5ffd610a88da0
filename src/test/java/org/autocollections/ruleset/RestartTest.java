package org.autocollections.ruleset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A restart serves the version last activated, not the folders' files when those were loaded before: an approved
 * change or a rollback is not undone by restarting the service. The folders win only with files never loaded.
 */
@QuarkusTest
class RestartTest {

    private static final String ANALYST = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.ANALYST).subject("ana").upn("ana")));
    private static final String APPROVER = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.APPROVER).subject("bob").upn("bob")));

    @Inject
    ActiveRuleset active;

    @Inject
    RulesetActivator activator;

    @Test
    void theLastActivatedVersionServesAfterARestartWhateverOrderTheVersionsWereCompiledIn() throws Exception {
        String shipped = active.current().version();
        String table = Files.readString(Path.of("decision-tables/penalty-interest.drl.csv"))
                .replace("penalty.rateMultiplier,1.5,", "penalty.rateMultiplier,1.8,");
        long id = given().header("Authorization", ANALYST)
                .multiPart("files", "penalty-interest.drl.csv", table.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/rulesets/drafts").then().statusCode(201).extract().jsonPath().getLong("draft.id");
        String draft = given().get("/api/v1/rulesets/drafts/" + id).then().extract().path("draft.version");
        given().header("Authorization", APPROVER).post("/api/v1/rulesets/drafts/" + id + "/approve").then().statusCode(200);
        given().header("Authorization", APPROVER).post("/api/v1/rulesets/drafts/" + id + "/activate").then().statusCode(200);
        try {
            // back and forth: the shipped version is rebuilt after the draft was compiled, then the draft returns
            given().header("Authorization", APPROVER).post("/api/v1/rulesets/" + shipped + "/activate").then().statusCode(200);
            given().header("Authorization", APPROVER).post("/api/v1/rulesets/" + draft + "/activate").then().statusCode(200);

            assertThat(activator.start().version()).as("served after a restart").isEqualTo(draft);
        } finally {
            if (!active.current().version().equals(shipped)) {
                given().header("Authorization", APPROVER).post("/api/v1/rulesets/" + shipped + "/activate").then().statusCode(200);
            }
        }
        assertThat(activator.start().version()).isEqualTo(shipped);
    }
}

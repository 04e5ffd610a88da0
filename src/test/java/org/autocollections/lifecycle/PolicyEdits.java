package org.autocollections.lifecycle;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;

import io.restassured.response.ValidatableResponse;

/** Tables as an analyst would edit them, and the people who upload and approve them. */
final class PolicyEdits {

    static final String PENALTY = "penalty-interest.drl.csv";
    static final String ANALYST = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.ANALYST).subject("ana").upn("ana")));
    static final String APPROVER = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.APPROVER).subject("bob").upn("bob")));
    /** Holds both roles, as a team lead might: may approve others' drafts but never their own. */
    static final String LEAD = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.ANALYST, Roles.APPROVER).subject("lee").upn("lee")));

    private PolicyEdits() {
    }

    static String table(String name) {
        try {
            return Files.readString(Path.of("decision-tables", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The penalty table with the multiplier of the contract rate set to {@code multiplier}. */
    static String penaltyMultiplier(String multiplier) {
        return table(PENALTY).replace("penalty.rateMultiplier,1.5,", "penalty.rateMultiplier," + multiplier + ",");
    }

    static ValidatableResponse upload(String token, String name, String content) {
        return given().header("Authorization", token)
                .multiPart("files", name, content.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("note", "test edit of " + name)
                .post("/api/v1/rulesets/drafts").then();
    }

    static ValidatableResponse step(String token, long draft, String step) {
        return given().header("Authorization", token).contentType("application/json").body("{\"note\":\"test\"}")
                .post("/api/v1/rulesets/drafts/" + draft + "/" + step).then();
    }

    static String activeVersion() {
        return given().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");
    }

    /** Puts a version back, so test classes sharing the service find the shipped policy. */
    static void rollBackTo(String version) {
        if (!activeVersion().equals(version)) {
            given().header("Authorization", APPROVER).post("/api/v1/rulesets/" + version + "/activate").then().statusCode(200);
        }
    }
}

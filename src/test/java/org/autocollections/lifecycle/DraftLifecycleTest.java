package org.autocollections.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.autocollections.lifecycle.PolicyEdits.ANALYST;
import static org.autocollections.lifecycle.PolicyEdits.APPROVER;
import static org.autocollections.lifecycle.PolicyEdits.LEAD;
import static org.autocollections.lifecycle.PolicyEdits.PENALTY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.util.List;

import org.autocollections.Cases;
import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An analyst's change goes from upload to decisions only through validation, a second person's approval and an
 * activation; every step is in the audit trail, and any earlier version comes back in one call.
 */
@QuarkusTest
class DraftLifecycleTest {

    @RegisterExtension
    final ServingVersionRestored shipped = new ServingVersionRestored();

    @Test
    void anUploadedTableIsValidatedAndShowsTheCellsItChanges() {
        JsonPath draft = PolicyEdits.upload(ANALYST, PENALTY, PolicyEdits.penaltyMultiplier("2.0"))
                .statusCode(201).header("Location", containsString("/api/v1/rulesets/drafts/"))
                .body("draft.status", equalTo("VALIDATED"))
                .body("draft.author", equalTo("ana"))
                .body("draft.baseVersion", equalTo(shipped.version()))
                .body("draft.errors", equalTo(0))
                .extract().jsonPath();
        assertThat(draft.getList("changes.path", String.class)).containsExactly("decision-tables/" + PENALTY);
        assertThat(draft.getList("changes[0].cells", java.util.Map.class)).singleElement()
                .satisfies(cell -> {
                    assertThat(cell).containsEntry("before", "1.5").containsEntry("after", "2.0")
                            .containsEntry("column", "B").containsEntry("row", 10);
                });
        assertThat(draft.getList("files.findAll { it.uploaded }.path", String.class)).containsExactly("decision-tables/" + PENALTY);
        assertThat(draft.getList("events.to", String.class)).containsExactly("DRAFT", "VALIDATED");
        // nothing changed for borrowers yet
        assertThat(PolicyEdits.activeVersion()).isEqualTo(shipped.version());
    }

    @Test
    void aBrokenTableStaysADraftWithTheCellAtFaultUntilRevised() {
        String buckets = "overdue-buckets.drl.csv";
        String broken = PolicyEdits.table(buckets).replace("31,60,M2", "31 days,60,M2");
        JsonPath draft = PolicyEdits.upload(ANALYST, buckets, broken).statusCode(201)
                .body("draft.status", equalTo("DRAFT"))
                .body("draft.errors", greaterThan(0))
                .extract().jsonPath();
        JsonPath error = new JsonPath(draft.prettify()).setRootPath("findings.find { it.severity == 'ERROR' }");
        assertThat(error.getString("file")).isEqualTo("decision-tables/" + buckets);
        assertThat(error.getInt("row")).isEqualTo(12);
        assertThat(error.getString("column")).isEqualTo("A");
        long id = draft.getLong("draft.id");

        PolicyEdits.step(APPROVER, id, "approve").statusCode(409);

        given().header("Authorization", ANALYST)
                .multiPart("files", buckets, PolicyEdits.table(buckets).replace("151,180,M6", "151,179,M6")
                        .replace("181,,M7+", "180,,M7+").getBytes(), "text/csv")
                .post("/api/v1/rulesets/drafts/" + id + "/files").then().statusCode(200)
                .body("draft.id", equalTo((int) id))
                .body("draft.status", equalTo("VALIDATED"))
                .body("findings", hasSize(0))
                .body("events.to", equalTo(List.of("DRAFT", "DRAFT", "VALIDATED")));
    }

    @Test
    void nobodyApprovesTheirOwnDraftAndApprovalIsNeededBeforeActivation() {
        long id = PolicyEdits.upload(LEAD, PENALTY, PolicyEdits.penaltyMultiplier("1.75")).statusCode(201)
                .extract().jsonPath().getLong("draft.id");

        PolicyEdits.step(APPROVER, id, "activate").statusCode(409);
        PolicyEdits.step(LEAD, id, "approve").statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://autocollections.org/problems/four-eyes"));
        given().get("/api/v1/rulesets/drafts/" + id).then().body("draft.status", equalTo("VALIDATED"));

        PolicyEdits.step(APPROVER, id, "approve").statusCode(200)
                .body("draft.status", equalTo("APPROVED")).body("draft.approvedBy", equalTo("bob"));
    }

    @Test
    void theDraftSaysWhichStepsTheCallerMayTakeNowAsTheServerDecidesThem() {
        String approve = "actions.find { it.name == 'approve' }";
        long id = PolicyEdits.upload(LEAD, PENALTY, PolicyEdits.penaltyMultiplier("1.9")).statusCode(201)
                .body("actions.name", equalTo(List.of("revise", "approve", "reject", "activate", "rollback")))
                .body(approve + ".allowed", equalTo(false))
                .body(approve + ".blockedBy", equalTo("FOUR_EYES"))
                .body(approve + ".why", equalTo(
                        "you uploaded or revised this draft, so a second person must approve it (four-eyes rule)."))
                .extract().jsonPath().getLong("draft.id");
        PolicyEdits.step(LEAD, id, "approve").statusCode(403);

        String draft = "/api/v1/rulesets/drafts/" + id;
        given().header("Authorization", APPROVER).get(draft).then().statusCode(200)
                .body(approve + ".allowed", equalTo(true))
                .body(approve + ".blockedBy", nullValue())
                .body(approve + ".why", nullValue());
        String auditor = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.AUDITOR).subject("al").upn("al")));
        given().header("Authorization", auditor).get(draft).then().statusCode(200)
                .body(approve + ".blockedBy", equalTo("ROLE"))
                .body(approve + ".why", equalTo("only an approver can approve; your roles: auditor."));

        PolicyEdits.step(LEAD, id, "reject").statusCode(200)
                .body(approve + ".blockedBy", equalTo("STATUS"))
                .body(approve + ".why", equalTo("This version is rejected, so it cannot be approved."))
                .body("actions.findAll { it.allowed }", hasSize(0));
        PolicyEdits.step(APPROVER, id, "approve").statusCode(409);
    }

    @Test
    void anActivatedDraftDecidesAndTheEarlierVersionComesBackInOneCall() {
        BigDecimal before = penaltyOfExample(shipped.version());
        String version = PolicyEdits.upload(ANALYST, PENALTY, PolicyEdits.penaltyMultiplier("3.0")).statusCode(201)
                .extract().path("draft.version");
        long id = draftOf(version);
        PolicyEdits.step(APPROVER, id, "approve").statusCode(200);
        PolicyEdits.step(APPROVER, id, "activate").statusCode(200).body("draft.status", equalTo("ACTIVE"));

        assertThat(PolicyEdits.activeVersion()).isEqualTo(version);
        // twice the multiplier, twice the penalty, give or take the rounding to the cent
        assertThat(penaltyOfExample(version)).isCloseTo(before.multiply(BigDecimal.valueOf(2)), within(new BigDecimal("0.01")));
        given().get("/api/v1/rulesets/drafts?status=RETIRED").then().body("version", hasItem(shipped.version()));

        given().header("Authorization", APPROVER).contentType(ContentType.JSON).body("{\"note\":\"back to the shipped policy\"}")
                .post("/api/v1/rulesets/" + shipped.version() + "/activate").then().statusCode(200)
                .body("draft.version", equalTo(shipped.version())).body("draft.status", equalTo("ACTIVE"));
        assertThat(penaltyOfExample(shipped.version())).isEqualByComparingTo(before);
        given().get("/api/v1/rulesets/drafts/" + id).then().body("draft.status", equalTo("RETIRED"));

        JsonPath trail = given().get("/api/v1/rulesets/events?limit=4").then().statusCode(200).extract().jsonPath();
        assertThat(trail.getList("to", String.class)).containsExactly("ACTIVE", "RETIRED", "ACTIVE", "RETIRED");
        assertThat(trail.getString("[0].note")).isEqualTo("back to the shipped policy");
        assertThat(trail.getString("[0].actor")).isEqualTo("bob");
    }

    @Test
    void onlyAnalystsUploadAndOnlyApproversApproveOrRollBack() {
        String servicer = Tokens.bearer(Tokens.of(Roles.SERVICER));
        PolicyEdits.upload(servicer, PENALTY, PolicyEdits.penaltyMultiplier("2.25")).statusCode(403);
        long id = PolicyEdits.upload(ANALYST, PENALTY, PolicyEdits.penaltyMultiplier("2.25")).statusCode(201)
                .extract().jsonPath().getLong("draft.id");
        String otherAnalyst = Tokens.bearer(Tokens.sign(Tokens.claims(Roles.ANALYST).subject("cy").upn("cy")));
        PolicyEdits.step(otherAnalyst, id, "approve").statusCode(403);
        given().header("Authorization", ANALYST).post("/api/v1/rulesets/" + shipped.version() + "/activate").then().statusCode(403);
        PolicyEdits.step(ANALYST, id, "reject").statusCode(200).body("draft.status", equalTo("REJECTED"));
    }

    @Test
    void unusableUploadsAreRefusedNamingTheFile() {
        PolicyEdits.upload(ANALYST, "notes.txt", "hello").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("files[0]"));
        PolicyEdits.upload(ANALYST, PENALTY, PolicyEdits.table(PENALTY)).statusCode(409)
                .body("detail", startsWith("The files change nothing"));
        given().header("Authorization", ANALYST).post("/api/v1/rulesets/drafts/999999/approve").then().statusCode(403);
        given().get("/api/v1/rulesets/drafts/999999").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", APPROVER).post("/api/v1/rulesets/0123456789abcdef/activate").then().statusCode(404)
                .body("type", endsWith("/ruleset-version-not-found"));
    }

    @Test
    void anUploadOverTheBodyLimitIsRefusedAndNothingIsStored() {
        // the list holds at most 100 drafts: the same ids, not the same count, show that none was added
        java.util.List<Long> before = given().get("/api/v1/rulesets/drafts").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        given().header("Authorization", ANALYST).multiPart("files", PENALTY, huge, "text/csv")
                .post("/api/v1/rulesets/drafts").then().statusCode(413); // sent chunked: the HTTP layer's own refusal
        assertThat(given().get("/api/v1/rulesets/drafts").then().statusCode(200).extract().jsonPath().getList("id", Long.class))
                .containsExactlyElementsOf(before);
    }

    private static long draftOf(String version) {
        return given().get("/api/v1/rulesets/drafts?status=VALIDATED").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.version == '" + version + "' }.id");
    }

    private static BigDecimal penaltyOfExample(String expectedVersion) {
        JsonPath decision = given().contentType(ContentType.JSON).body(Cases.example().toString()).post("/api/v1/decisions")
                .then().statusCode(200).body("rulesetVersion", equalTo(expectedVersion)).extract().jsonPath();
        return new BigDecimal(decision.getString("overdue.penaltyInterest"));
    }
}

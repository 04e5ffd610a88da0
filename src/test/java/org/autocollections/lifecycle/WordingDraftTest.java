package org.autocollections.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.autocollections.lifecycle.PolicyEdits.ANALYST;
import static org.autocollections.lifecycle.PolicyEdits.APPROVER;
import static org.autocollections.ruleset.WordingRows.rowOf;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The wording file changed through a draft, like any table: validated cell by cell, approved, put in force. */
@QuarkusTest
class WordingDraftTest {

    private static final String WORDING = "wording.csv";
    private static final String BUCKETS_CN = "逾期{days}天，处于{bucket}阶段";

    @RegisterExtension
    final ServingVersionRestored shipped = new ServingVersionRestored();

    private static JsonPath decide(String lang) {
        return given().contentType(ContentType.JSON).body(Cases.example().toString())
                .post("/api/v1/decisions?trace=full&lang=" + lang).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDraftThatChangesATemplateChangesOnlyThoseWordsOnceInForce() {
        JsonPath before = decide("zh-CN");
        JsonPath englishBefore = decide("en");
        long id = PolicyEdits.upload(ANALYST, WORDING, PolicyEdits.table(WORDING).replace(BUCKETS_CN, "已逾期{days}天（{bucket}）"))
                .statusCode(201).body("draft.status", equalTo("VALIDATED")).body("draft.errors", equalTo(0))
                .extract().jsonPath().getLong("draft.id");
        PolicyEdits.step(APPROVER, id, "approve").statusCode(200);
        PolicyEdits.step(APPROVER, id, "activate").statusCode(200);

        JsonPath after = decide("zh-CN");
        assertThat(after.getString("rulesetVersion")).isNotEqualTo(before.getString("rulesetVersion"));
        assertThat(after.getString("reasons.find { it.code == 'BUCKET_M2' }.message")).matches("已逾期\\d+天（M2）");
        for (String same : List.of("reasons.code", "reasons.source", "rulesFired", "overdue", "risk", "contact",
                "repaymentPlan", "legal", "nextAction")) {
            assertThat((Object) after.get(same)).as(same).isEqualTo(before.get(same));
        }
        List<String> otherWords = after.getList("reasons.findAll { it.code != 'BUCKET_M2' }.message");
        assertThat(otherWords).isEqualTo(before.getList("reasons.findAll { it.code != 'BUCKET_M2' }.message"));
        assertThat(decide("en").getList("reasons.message")).isEqualTo(englishBefore.getList("reasons.message"));
    }

    @Test
    void aTemplateNamingAValueItsReasonLacksIsRefusedAtItsCell() {
        String text = PolicyEdits.table(WORDING).replace(BUCKETS_CN, "逾期{days}天，{amount}");
        JsonPath draft = PolicyEdits.upload(ANALYST, WORDING, text).statusCode(201)
                .body("draft.status", equalTo("DRAFT")).extract().jsonPath();
        JsonPath error = new JsonPath(draft.prettify()).setRootPath("findings.find { it.severity == 'ERROR' }");
        assertThat(error.getString("kind")).isEqualTo("WORDING");
        assertThat(error.getString("file")).isEqualTo("decision-tables/" + WORDING);
        assertThat(error.getInt("row")).isEqualTo(rowOf(text, "reason,BUCKET_*"));
        assertThat(error.getString("column")).isEqualTo("D");
        assertThat(error.getString("message")).contains("{amount}");
    }

    @Test
    void aReasonLeftWithoutWordsIsRefused() {
        String text = PolicyEdits.table(WORDING).lines().filter(l -> !l.startsWith("reason,NO_OPTION_FITS,"))
                .reduce("", (a, b) -> a + b + "\n");
        JsonPath draft = PolicyEdits.upload(ANALYST, WORDING, text).statusCode(201)
                .body("draft.status", equalTo("DRAFT")).extract().jsonPath();
        JsonPath error = new JsonPath(draft.prettify()).setRootPath("findings.find { it.severity == 'ERROR' }");
        assertThat(error.getString("kind")).isEqualTo("WORDING");
        assertThat(error.getString("message")).contains("NO_OPTION_FITS");
    }

    @Test
    void theWordingOfAVersionIsDownloadedAsItIsKept() {
        given().get("/api/v1/rulesets/" + shipped.version() + "/tables/wording").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"" + WORDING + "\""))
                .body(org.hamcrest.Matchers.containsString("reason,BUCKET_*"));
    }
}

package org.autocollections.outcomes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.autocollections.Cases;
import org.autocollections.scoring.PortfolioRuns;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Twenty borrowers four months behind pay nothing after a run: every one of them is in default three months later,
 * far more than their band's PD says. The analyst gets the bands' observed default rates, and a draft of the
 * risk-rating table whose only changes are the PDs of the bands that did not hold; the active policy is untouched.
 */
@QuarkusTest
class RiskBandCalibrationTest {

    @Inject
    PortfolioRuns runs;

    @Test
    void aBandWhosePdDidNotHoldGetsARevisedPdInADraftThatIsNotActivated() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            ObjectNode c = Cases.withDueDate("CAL-LATE-" + i, "2026-04-20");
            c.remove("history");
            c.remove("asOf");
            Cases.object(c, "loan").put("overdueAmount", 5000.00).put("monthlyInstalment", 1000.00);
            given().contentType(ContentType.JSON).body(c.toString()).put("/api/v1/cases/CAL-LATE-" + i)
                    .then().statusCode(201);
        }
        String runId = "calibration-" + System.nanoTime();
        given().contentType(ContentType.JSON).body("{\"runId\":\"" + runId + "\",\"asOf\":\"2026-08-25T02:00:00Z\"}")
                .post("/api/v1/portfolio/runs").then().statusCode(202);
        assertThat(runs.await(runId, 5, TimeUnit.MINUTES)).isTrue();
        String activeBefore = given().get("/api/v1/rulesets/active").then().statusCode(200).extract().path("version");

        // 25 August + 90 days: the window ends on 23 November, before the history's instant
        JsonPath calibration = given().post("/api/v1/portfolio/runs/" + runId
                + "/calibration?window=P90D&asOf=2026-11-29T02:00:00Z").then().log().ifValidationFails()
                .statusCode(201).extract().jsonPath();

        assertThat(calibration.getInt("defaultAfterDays")).isEqualTo(90);
        List<Map<String, Object>> bands = calibration.getList("bands");
        List<Map<String, Object>> revised = bands.stream().filter(b -> !(Boolean) b.get("holds")).toList();
        assertThat(revised).as("the band of the twenty defaulted cases").isNotEmpty();
        for (Map<String, Object> b : bands) {
            assertThat(((Number) b.get("defaulted")).longValue()).isLessThanOrEqualTo(((Number) b.get("observed")).longValue());
            double pd = ((Number) b.get("pd")).doubleValue();
            boolean inside = ((Number) b.get("lower")).doubleValue() <= pd && pd <= ((Number) b.get("upper")).doubleValue();
            assertThat(b.get("holds")).as(b.get("rating") + " holds when its PD is inside the interval").isEqualTo(inside);
        }

        long draftId = calibration.getLong("draftId");
        JsonPath draft = given().get("/api/v1/rulesets/drafts/" + draftId).then().statusCode(200).extract().jsonPath();
        assertThat(draft.getString("draft.status")).isNotEqualTo("ACTIVE");
        assertThat(draft.getString("draft.note")).contains(runId).contains("defaulted");
        List<Map<String, Object>> cells = draft.getList("changes.find { it.path.endsWith('risk-rating.drl.csv') }.cells");
        assertThat(cells).as("one PD cell per band that did not hold, nothing else").hasSize(revised.size());
        for (Map<String, Object> band : revised) {
            double suggested = ((Number) band.get("suggestedPd")).doubleValue();
            // JSON numbers come back as floats: equal to the four places a PD is written with
            assertThat(cells).anySatisfy(cell -> assertThat(Double.parseDouble(cell.get("after").toString()))
                    .isCloseTo(suggested, org.assertj.core.data.Offset.offset(1e-4)));
        }
        given().get("/api/v1/rulesets/active").then().body("version", equalTo(activeBefore));
    }

    @Test
    void anUnknownRunIs404AndAWindowOfAnotherLengthIsRefusedNamingIt() {
        given().post("/api/v1/portfolio/runs/no-such-run/calibration").then().statusCode(404);
        given().post("/api/v1/portfolio/runs/no-such-run/calibration?window=P7D").then().statusCode(400)
                .body("errors[0].field", equalTo("window"));
    }
}

package org.autocollections.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * docs/api.md shows a worked example for every next action, taken from the golden corpus and decided by the service
 * itself. This test fails when the examples no longer match what the service answers; run it with
 * {@code -Ddocs.regenerate=true} to rewrite them.
 */
@QuarkusTest
class NextActionExamplesTest {

    @jakarta.inject.Inject
    org.autocollections.regression.GoldenCorpus corpus;


    private static final Path API_DOC = Path.of("docs/api.md");
    private static final String START = "<!-- next-action-examples:start -->";
    private static final String END = "<!-- next-action-examples:end -->";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One corpus case per next action, chosen for how plainly it shows the rule. */
    private static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("NONE", "current-loan-no-action.json");
        EXAMPLES.put("SEND_REMINDER", "dpd-001-m1-first-day-sms-reminder.json");
        EXAMPLES.put("CALL", "dpd-031-m2-first-day-call.json");
        EXAMPLES.put("FIELD_VISIT", "cn-field-visit-7-days-ago-allowed-today.json");
        EXAMPLES.put("OFFER_REPAYMENT_PLAN", "m2-illness-offered-plan.json");
        EXAMPLES.put("SEND_DEMAND_NOTICE", "dpd-061-m3-demand-notice.json");
        EXAMPLES.put("SEND_LAWYER_LETTER", "dpd-091-m4-lawyer-letter.json");
        EXAMPLES.put("APPLY_ASSET_PRESERVATION", "legal-asset-preservation-gps-offline.json");
        EXAMPLES.put("FILE_LAWSUIT", "dpd-121-m5-file-lawsuit.json");
        EXAMPLES.put("FILE_ARBITRATION", "legal-arbitration-clause-file-arbitration.json");
        EXAMPLES.put("APPLY_ENFORCEMENT", "dpd-181-m7-judgment-15-days-unpaid-enforcement.json");
        EXAMPLES.put("REFER_TO_LEGAL_REVIEW", "flag-bankruptcy-refer-to-legal-review.json");
        EXAMPLES.put("HOLD", "flag-dispute-on-a-current-loan-holds.json");
        EXAMPLES.put("WAIT", "wait-promise-5-days-23-hours-ago-still-waits.json");
        EXAMPLES.put("WRITE_OFF_REVIEW", "legal-limitation-expired-write-off-review.json");
        EXAMPLES.put("NOTIFY_EFFORTS_TERMINATED", "flag-cease-m2-first-notice-says-efforts-end.json");
        EXAMPLES.put("NOTIFY_REMEDIES_AVAILABLE", "flag-cease-demand-notice-due-remedies-notice.json");
        EXAMPLES.put("NOTIFY_REMEDY_INTENDED", "us-cease-suit-due-remedy-intended-notice.json");
    }

    @Test
    void theApiGuideShowsTheServicesOwnAnswerForEveryNextAction() throws Exception {
        StringBuilder section = new StringBuilder(START).append("\n");
        for (Map.Entry<String, String> example : EXAMPLES.entrySet()) {
            JsonNode spec = JSON.readTree(GoldenCorpusTest.CASES.resolve(example.getValue()).toFile());
            JsonNode request = corpus.cases().stream().filter(c -> c.name().equals(example.getValue())).findFirst()
                    .orElseThrow().request();
            JsonNode decision = JSON.readTree(given().contentType(ContentType.JSON).body(request.toString())
                    .post("/api/v1/decisions?trace=full").then().statusCode(200).extract().asString());
            assertThat(decision.at("/nextAction/type").asText()).as(example.getValue()).isEqualTo(example.getKey());
            section.append("\n### ").append(example.getKey()).append("\n\n")
                    .append(spec.path("description").asText()).append("\n\n")
                    .append("Request: `docs/examples/case-m2.json` with ")
                    .append(spec.has("merge") ? "these changes (JSON merge patch):" : "this case:").append("\n\n```json\n")
                    .append(JSON.writeValueAsString(spec.has("merge") ? spec.get("merge") : request)).append("\n```\n\n")
                    .append("Decision (abridged):\n\n```json\n").append(JSON.writeValueAsString(abridged(decision)))
                    .append("\n```\n");
        }
        section.append(END);

        String doc = Files.readString(API_DOC);
        int from = doc.indexOf(START);
        int to = doc.indexOf(END);
        assertThat(from).as("docs/api.md marks where the examples go").isGreaterThanOrEqualTo(0);
        String current = doc.substring(from, to + END.length());
        if (Boolean.getBoolean("docs.regenerate")) {
            Files.writeString(API_DOC, doc.substring(0, from) + section + doc.substring(to + END.length()));
            return;
        }
        assertThat(current).as("docs/api.md examples are stale: rerun with -Ddocs.regenerate=true").isEqualTo(section.toString());
    }

    /**
     * The conclusions and the worded reasons (of the full trace) of the action, legal and contact areas; identity,
     * timing and firing order left out.
     */
    private static JsonNode abridged(JsonNode decision) {
        ObjectNode out = JSON.createObjectNode();
        for (String field : new String[] {"overdue", "risk", "contact", "legal", "nextAction"}) {
            if (decision.has(field)) {
                out.set(field, decision.get(field));
            }
        }
        if (decision.path("repaymentPlan").path("eligible").asBoolean()) {
            ObjectNode plan = JSON.createObjectNode();
            plan.put("eligible", true);
            plan.put("options", decision.at("/repaymentPlan/options").size() + " options");
            out.set("repaymentPlan", plan);
        }
        var reasons = out.putArray("reasons");
        decision.path("reasons").forEach(r -> {
            String area = r.path("area").asText();
            if (area.equals("ACTION") || area.equals("LEGAL") || area.equals("CONTACT")) {
                reasons.add(r);
            }
        });
        return out;
    }
}

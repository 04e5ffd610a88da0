package org.autocollections.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.autocollections.DatabaseFree;

/**
 * The strict comparator the golden corpus and the analysts' scenario sheets share, on a decision the service gave
 * (an M4 case offered two restructures and a settlement): each way an expectation fails, and the words it fails with.
 */
@DatabaseFree
class ExpectationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CODES = List.of("BUCKET_M4", "CLASSIFIED_SUBSTANDARD", "PENALTY_INTEREST",
            "CHANNEL_FIELD_VISIT", "CONTACT_NOW", "PLAN_RESTRUCTURE", "PLAN_RESTRUCTURE", "PLAN_SETTLEMENT", "LEGAL_NONE",
            "LIMITATION_RUNNING", "EXPOSURE", "POINTS_BROKEN_PROMISES", "POINTS_BUCKET", "POINTS_CREDIT_SCORE",
            "POINTS_DEBT_TO_INCOME", "POINTS_GPS_TRACKING", "POINTS_HARDSHIP", "POINTS_LOAN_TO_VALUE", "RATED_VERY_HIGH",
            "RISK_SCORE", "NEXT_OFFER_REPAYMENT_PLAN");

    private final JsonNode decision = read("/regression/m4-settlement-and-restructure.decision.json");

    @Test
    void theDecisionsOwnValuesAndExactReasonCodesPass() {
        assertThat(mismatch("/nextAction/type", "\"OFFER_REPAYMENT_PLAN\"")).isNull();
        assertThat(mismatch("/overdue/penaltyInterest", "243.670")).as("numbers compare by value").isNull();
        assertThat(mismatch("/repaymentPlan/options/2/lumpSum", "81700")).isNull();
        assertThat(mismatch("reasonCodes", codes(CODES))).isNull();
        List<String> reordered = new ArrayList<>(CODES);
        Collections.reverse(reordered);
        assertThat(mismatch("reasonCodes", codes(reordered))).as("in any order").isNull();
    }

    @Test
    void aWrongValueFailsSayingWhatTheDecisionHas() {
        assertThat(mismatch("/nextAction/type", "\"CALL\""))
                .isEqualTo("/nextAction/type is \"OFFER_REPAYMENT_PLAN\", expected \"CALL\"");
        assertThat(mismatch("/overdue/penaltyInterest", "243.68"))
                .isEqualTo("/overdue/penaltyInterest is 243.67, expected 243.68");
        assertThat(mismatch("/overdue/daysPastDue", "\"100\"")).as("a number is not its text").isNotNull();
    }

    @Test
    void aReasonTheDecisionAlsoGivesFailsTheExactSet() {
        List<String> withoutOne = new ArrayList<>(CODES);
        withoutOne.remove("PLAN_SETTLEMENT");
        assertThat(mismatch("reasonCodes", codes(withoutOne)))
                .isEqualTo("reasonCodes differ: not expected PLAN_SETTLEMENT");
        assertThat(mismatch("reasonCodes.contains", codes(withoutOne))).as("a subset check allows it").isNull();
        assertThat(mismatch("reasonCodes.contains", codes(List.of("BUCKET_M4", "PLAN_SETTLEMENT")))).isNull();
    }

    @Test
    void aReasonTheDecisionDoesNotGiveFails() {
        List<String> withAnother = new ArrayList<>(CODES);
        withAnother.set(0, "BUCKET_M3");
        assertThat(mismatch("reasonCodes", codes(withAnother)))
                .isEqualTo("reasonCodes differ: missing BUCKET_M3; not expected BUCKET_M4");
        assertThat(mismatch("reasonCodes.contains", codes(List.of("BUCKET_M3", "PLAN_SETTLEMENT"))))
                .isEqualTo("reasonCodes.contains differ: missing BUCKET_M3");
    }

    @Test
    void aCodeCountsAsOftenAsTheDecisionGivesIt() {
        List<String> oneRestructure = new ArrayList<>(CODES);
        oneRestructure.remove("PLAN_RESTRUCTURE");
        assertThat(mismatch("reasonCodes", codes(oneRestructure)))
                .isEqualTo("reasonCodes differ: not expected PLAN_RESTRUCTURE (expected 1, given 2)");
        assertThat(mismatch("reasonCodes.contains", codes(List.of("PLAN_SETTLEMENT", "PLAN_SETTLEMENT"))))
                .isEqualTo("reasonCodes.contains differ: missing PLAN_SETTLEMENT (expected 2, given 1)");
    }

    @Test
    void nullIsAPresentFieldWithoutValueAndAbsentAFieldLeftOut() {
        // The nested areas write their empty fields as null; a plan option leaves its empty fields out.
        assertThat(mismatch("/contact/attemptsLeftToday", "null")).isNull();
        assertThat(mismatch("/contact/attemptsLeftToday", "\"<absent>\""))
                .isEqualTo("/contact/attemptsLeftToday is null, expected <absent> (left out of the decision)");
        assertThat(mismatch("/repaymentPlan/options/2/termMonths", "\"<absent>\"")).isNull();
        assertThat(mismatch("/repaymentPlan/options/3", "\"<absent>\"")).as("no fourth option").isNull();
        assertThat(mismatch("/repaymentPlan/options/3", "null")).isEqualTo(
                "/repaymentPlan/options/3 is left out of the decision, expected null (<absent> expects a field left out)");
        assertThat(mismatch("/repaymentPlan/options/2", "\"<absent>\"")).startsWith(
                "/repaymentPlan/options/2 is {\"type\":\"SETTLEMENT\"");
    }

    @Test
    void aPointerNoDecisionCanHaveFailsWhateverItExpects() {
        for (String expected : List.of("null", "\"<absent>\"", "\"M4\"")) {
            assertThat(mismatch("/overdue/bukcet", expected)).isEqualTo("/overdue/bukcet is not in any decision: "
                    + "/overdue holds daysPastDue, bucket, classification, penaltyInterest");
        }
        assertThat(mismatch("/nextAction/type/name", "null"))
                .isEqualTo("/nextAction/type/name is not in any decision: /nextAction/type is a single value");
        assertThat(mismatch("/repaymentPlan/options/first/type", "null"))
                .isEqualTo("/repaymentPlan/options/first/type is not in any decision: /repaymentPlan/options is a list, numbered from 0");
        assertThat(mismatch("/nextActoin", "null")).startsWith("/nextActoin is not in any decision: a decision holds caseId, ");
        assertThat(mismatch("nextAction/type", "\"CALL\"")).isEqualTo("nextAction/type is neither a JSON pointer into "
                + "the decision (/nextAction/type), reasonCodes nor reasonCodes.contains");
        assertThat(mismatch("reasonCodes", "\"BUCKET_M4\"")).startsWith("reasonCodes must list reason codes");
    }

    @Test
    void everyPlaceInADecisionIsAPlaceTheShapeKnows() {
        List<String> pointers = new ArrayList<>();
        pointers(decision, "", pointers);
        assertThat(pointers).hasSizeGreaterThan(100)
                .allSatisfy(p -> assertThat(DecisionShape.fault(p)).as(p).isEmpty());
    }

    @Test
    void aSheetCellIsTextMatchingTheValueOfThatText() {
        assertThat(Expectation.ofCell("/overdue/daysPastDue", "100").mismatch(decision)).isEmpty();
        assertThat(Expectation.ofCell("/overdue/penaltyInterest", "243.670").mismatch(decision)).isEmpty();
        assertThat(Expectation.ofCell("/overdue/bucket", "M3").mismatch(decision)).get()
                .extracting(Mismatch::message).isEqualTo("/overdue/bucket is \"M4\", expected M3");
        assertThat(Expectation.ofCell("/repaymentPlan/options/3", "<absent>").mismatch(decision)).isEmpty();
        assertThat(Expectation.ofCell("/repaymentPlan/options/3", "null").mismatch(decision)).isPresent();
        assertThat(Expectation.ofCell("reasonCodes.contains", "BUCKET_M4 | PLAN_SETTLEMENT").mismatch(decision)).isEmpty();
        assertThat(Expectation.ofCell("reasonCodes", "BUCKET_M4|PLAN_SETTLEMENT").mismatch(decision)).get()
                .extracting(Mismatch::message).asString().startsWith("reasonCodes differ: not expected CHANNEL_FIELD_VISIT, ");
    }

    private String mismatch(String key, String expectedJson) {
        try {
            return Expectation.of(key, JSON.readTree(expectedJson)).mismatch(decision).map(Mismatch::message).orElse(null);
        } catch (IOException e) {
            throw new IllegalArgumentException(expectedJson, e);
        }
    }

    private static String codes(List<String> codes) {
        return JSON.valueToTree(codes).toString();
    }

    private static void pointers(JsonNode node, String at, List<String> into) {
        if (!at.isEmpty()) {
            into.add(at);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers(node.get(i), at + "/" + i, into);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            pointers(field.getValue(), at + "/" + field.getKey(), into);
        }
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ExpectationTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}

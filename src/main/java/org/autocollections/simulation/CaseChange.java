package org.autocollections.simulation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.autocollections.api.Decision;
import org.autocollections.bulk.CsvRows;
import org.autocollections.bulk.MultiRowInsert;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A case whose decision the candidate changes: what the collectors would see differently. Amounts alone (exposure,
 * expected loss, penalty interest) do not make a case changed: a rate edit moves them on nearly every case, and the
 * report's totals already show it; the collectors act on the action, the bucket, the class, the rating and the channel.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SimulationChange")
public record CaseChange(
        String caseId,
        @Schema(description = "What differs: nextAction, bucket, classification, rating, channel.") List<String> differences,
        String currency,
        Integer daysPastDue,
        String beforeNextAction,
        String afterNextAction,
        Integer beforePriority,
        Integer afterPriority,
        String beforeBucket,
        String afterBucket,
        String beforeClassification,
        String afterClassification,
        String beforeRating,
        String afterRating,
        String beforeChannel,
        String afterChannel,
        BigDecimal beforeExpectedLoss,
        BigDecimal afterExpectedLoss,
        BigDecimal expectedLossChange) {

    static final MultiRowInsert INSERT = new MultiRowInsert("simulation_change", "simulation_id", "case_id", "currency",
            "days_past_due", "before_next_action", "after_next_action", "before_priority", "after_priority",
            "before_bucket", "after_bucket", "before_classification", "after_classification", "before_rating",
            "after_rating", "before_channel", "after_channel", "before_expected_loss", "after_expected_loss");

    static final String[] CSV_HEADER = { "caseId", "differences", "currency", "daysPastDue", "beforeNextAction",
            "afterNextAction", "beforePriority", "afterPriority", "beforeBucket", "afterBucket", "beforeClassification",
            "afterClassification", "beforeRating", "afterRating", "beforeChannel", "afterChannel", "beforeExpectedLoss",
            "afterExpectedLoss", "expectedLossChange" };

    /** The two decisions of a case side by side; null when the candidate changes nothing that counts. */
    static CaseChange of(String caseId, String currency, Decision before, Decision after) {
        CaseChange change = new CaseChange(caseId, null, currency,
                before.overdue() == null ? null : before.overdue().daysPastDue(),
                action(before), action(after), priority(before), priority(after), bucket(before), bucket(after),
                classification(before), classification(after), rating(before), rating(after),
                channel(before), channel(after), expectedLoss(before), expectedLoss(after), null);
        return change.differences().isEmpty() ? null : change;
    }

    /** As read back from the database: the differences and the change in expected loss worked out again. */
    CaseChange complete() {
        BigDecimal elChange = beforeExpectedLoss == null || afterExpectedLoss == null ? null
                : afterExpectedLoss.subtract(beforeExpectedLoss);
        return new CaseChange(caseId, differences(), currency, daysPastDue, beforeNextAction, afterNextAction,
                beforePriority, afterPriority, beforeBucket, afterBucket, beforeClassification, afterClassification,
                beforeRating, afterRating, beforeChannel, afterChannel, beforeExpectedLoss, afterExpectedLoss, elChange);
    }

    @Override
    public List<String> differences() {
        if (differences != null) {
            return differences;
        }
        List<String> found = new ArrayList<>(5);
        differs(found, "nextAction", beforeNextAction, afterNextAction);
        differs(found, "bucket", beforeBucket, afterBucket);
        differs(found, "classification", beforeClassification, afterClassification);
        differs(found, "rating", beforeRating, afterRating);
        differs(found, "channel", beforeChannel, afterChannel);
        return found;
    }

    Object[] row(String simulationId) {
        return new Object[] { simulationId, caseId, currency, daysPastDue, beforeNextAction, afterNextAction,
                beforePriority, afterPriority, beforeBucket, afterBucket, beforeClassification, afterClassification,
                beforeRating, afterRating, beforeChannel, afterChannel, beforeExpectedLoss, afterExpectedLoss };
    }

    String csv() {
        return CsvRows.row(caseId, String.join("|", differences()), currency, CsvRows.text(daysPastDue),
                beforeNextAction, afterNextAction, CsvRows.text(beforePriority), CsvRows.text(afterPriority),
                beforeBucket, afterBucket, beforeClassification, afterClassification, beforeRating, afterRating,
                beforeChannel, afterChannel, CsvRows.text(beforeExpectedLoss), CsvRows.text(afterExpectedLoss),
                CsvRows.text(expectedLossChange));
    }

    private static void differs(List<String> found, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            found.add(what);
        }
    }

    private static String action(Decision d) {
        return d.nextAction() == null ? null : d.nextAction().type().name();
    }

    private static Integer priority(Decision d) {
        return d.nextAction() == null ? null : d.nextAction().priority();
    }

    private static String bucket(Decision d) {
        return d.overdue() == null ? null : d.overdue().bucket();
    }

    private static String classification(Decision d) {
        return d.overdue() == null || d.overdue().classification() == null ? null : d.overdue().classification().name();
    }

    private static String rating(Decision d) {
        return d.risk() == null || d.risk().rating() == null ? null : d.risk().rating().name();
    }

    private static String channel(Decision d) {
        return d.contact() == null || d.contact().channel() == null ? null : d.contact().channel().name();
    }

    private static BigDecimal expectedLoss(Decision d) {
        return d.risk() == null || d.risk().expectedLoss() == null ? null
                : d.risk().expectedLoss().setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}

package org.autocollections.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.autocollections.ruleset.EditablePolicyProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Watch mode: what an analyst saves into the decision-tables folder becomes a draft, validated, and goes no further. */
@QuarkusTest
@TestProfile(WatchModeTest.Watching.class)
class WatchModeTest {

    /** The editable copy of the policy, watched. */
    public static class Watching extends EditablePolicyProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("collections.policy.watch", mode());
            return config;
        }

        String mode() {
            return "draft";
        }
    }

    static final Path PENALTY = EditablePolicyProfile.ROOT.resolve("decision-tables/" + PolicyEdits.PENALTY);

    @Inject
    FolderWatch watch;

    @AfterEach
    void restore() {
        EditablePolicyProfile.restore();
    }

    @Test
    void aSavedTableBecomesAValidatedDraftAndTheActiveRulesetStays() throws Exception {
        String active = PolicyEdits.activeVersion();
        assertThat(watch.scan()).as("unchanged folders make no draft").isEmpty();

        Files.writeString(PENALTY, PolicyEdits.penaltyMultiplier("1.6"));
        Optional<Draft> made = watch.scan();

        assertThat(made).isPresent();
        given().get("/api/v1/rulesets/drafts/" + made.get().id).then().statusCode(200)
                .body("draft.status", equalTo("VALIDATED"))
                .body("draft.origin", equalTo("WATCH"))
                .body("draft.author", equalTo("watch"))
                .body("changes[0].path", equalTo("decision-tables/" + PolicyEdits.PENALTY))
                .body("changes[0].cells[0].after", equalTo("1.6"));
        assertThat(PolicyEdits.activeVersion()).isEqualTo(active);
        assertThat(watch.scan()).as("the same save makes one draft only").isEmpty();
    }

    @Test
    void aBrokenSaveBecomesADraftWithItsFindings() throws Exception {
        Files.writeString(PENALTY, PolicyEdits.table(PolicyEdits.PENALTY).replace("RuleTable Penalty interest", "RuleTable"));
        Path buckets = EditablePolicyProfile.ROOT.resolve("decision-tables/overdue-buckets.drl.csv");
        Files.writeString(buckets, Files.readString(buckets).replace("31,60,M2", "31 days,60,M2"));
        Draft draft = watch.scan().orElseThrow();
        assertThat(draft.status).isEqualTo(DraftStatus.DRAFT);
        assertThat(draft.errorCount).isPositive();
        assertThat(draft.findings).contains("overdue-buckets.drl.csv").contains("\"row\":12");
    }
}

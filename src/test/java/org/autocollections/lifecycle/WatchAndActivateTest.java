package org.autocollections.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import jakarta.inject.Inject;

import org.autocollections.ruleset.EditablePolicyProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Watch mode set to activate, as on an analyst's own machine: a save without errors decides the next case. */
@QuarkusTest
@TestProfile(WatchAndActivateTest.Activating.class)
class WatchAndActivateTest {

    /** The editable copy of the policy, watched, its error-free saves activated. */
    public static class Activating extends WatchModeTest.Watching {
        @Override
        String mode() {
            return "activate";
        }
    }

    @Inject
    FolderWatch watch;

    @AfterEach
    void restore() {
        EditablePolicyProfile.restore();
    }

    @Test
    void aSaveWithoutErrorsIsApprovedByConfigurationAndServes() throws Exception {
        String before = PolicyEdits.activeVersion();
        Files.writeString(WatchModeTest.PENALTY, PolicyEdits.penaltyMultiplier("1.6"));
        watch.scan(); // the watcher's own scan may come first; either way the save is a draft once this returns

        JsonPath newest = given().get("/api/v1/rulesets/drafts?limit=1").then().statusCode(200).extract().jsonPath();
        assertThat(newest.getString("[0].origin")).isEqualTo("WATCH");
        assertThat(newest.getString("[0].status")).isEqualTo("ACTIVE");
        assertThat(newest.getString("[0].approvedBy")).isEqualTo("watch");
        assertThat(PolicyEdits.activeVersion()).isEqualTo(newest.getString("[0].version")).isNotEqualTo(before);
        PolicyEdits.rollBackTo(before);
    }
}

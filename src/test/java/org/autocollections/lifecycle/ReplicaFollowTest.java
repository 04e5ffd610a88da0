package org.autocollections.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.autocollections.lifecycle.PolicyEdits.ANALYST;
import static org.autocollections.lifecycle.PolicyEdits.APPROVER;
import static org.autocollections.lifecycle.PolicyEdits.PENALTY;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A replica serves the version activated through another one: the database's active version is followed. */
@QuarkusTest
class ReplicaFollowTest {

    @Inject
    ActiveVersionFollower follower;

    @RegisterExtension
    final ServingVersionRestored serving = new ServingVersionRestored();

    @Test
    void aVersionActivatedElsewhereIsServedHereAndNothingHappensWhenInStep() {
        long id = PolicyEdits.upload(ANALYST, PENALTY, PolicyEdits.penaltyMultiplier("1.25")).statusCode(201)
                .extract().jsonPath().getLong("draft.id");
        PolicyEdits.step(APPROVER, id, "approve").statusCode(200);
        assertThat(follower.follow()).as("in step with the database").isFalse();
        // What another replica's activation leaves in the shared database: the draft active, the old one retired.
        String draft = QuarkusTransaction.requiringNew().call(() -> {
            Draft.update("status = ?1 where status = ?2", DraftStatus.RETIRED, DraftStatus.ACTIVE);
            Draft approved = Draft.findById(id);
            approved.status = DraftStatus.ACTIVE;
            return approved.version;
        });

        follower.follow(); // the scheduled check may have been first; either way the draft must now serve
        assertThat(PolicyEdits.activeVersion()).isEqualTo(draft);
        assertThat(follower.follow()).isFalse();
    }
}

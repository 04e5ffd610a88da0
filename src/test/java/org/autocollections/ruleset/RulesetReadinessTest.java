package org.autocollections.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** Before any ruleset is active the service is not ready: it could decide nothing. */
@DatabaseFree
class RulesetReadinessTest {

    @Test
    void downWhileNoRulesetIsActive() {
        RulesetReadiness readiness = new RulesetReadiness();
        readiness.active = new ActiveRuleset();
        assertDown(readiness.call());
    }

    /** While the first ruleset compiles the service has not started: a startup probe keeps waiting, nothing restarts it. */
    @Test
    void notStartedBeforeTheFirstRulesetIsLoaded() {
        RulesetStarted started = new RulesetStarted();
        started.active = new ActiveRuleset();
        assertDown(started.call());
    }

    private static void assertDown(HealthCheckResponse response) {
        assertThat(response.getName()).isEqualTo("ruleset");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).isEmpty();
    }
}

package org.autocollections.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Before any ruleset is active the service is not ready: it could decide nothing. */
class RulesetReadinessTest {

    @Test
    void downWhileNoRulesetIsActive() {
        RulesetReadiness readiness = new RulesetReadiness();
        readiness.active = new ActiveRuleset();
        HealthCheckResponse response = readiness.call();
        assertThat(response.getName()).isEqualTo("ruleset");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}

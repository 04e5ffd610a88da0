package org.autocollections.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once a ruleset is active: a load balancer must not send cases to a service that cannot decide. */
@Readiness
@ApplicationScoped
public class RulesetReadiness implements HealthCheck {

    @Inject
    ActiveRuleset active;

    @Override
    public HealthCheckResponse call() {
        return of(active);
    }

    /** UP with the active version and its rule count, DOWN while none is active. */
    static HealthCheckResponse of(ActiveRuleset active) {
        return active.peek()
                .map(r -> HealthCheckResponse.named("ruleset").up().withData("version", r.version())
                        .withData("rules", r.ruleCount()).build())
                .orElseGet(() -> HealthCheckResponse.named("ruleset").down().build());
    }
}

package org.autocollections.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the first ruleset is active (/q/health/started). A replica compiles its ruleset for 5-20 s before it
 * can decide; a startup probe on this check holds the liveness probe off until then, so a slow compile on a busy
 * node is not mistaken for a hung process and restarted. After the first load it stays UP: a later reload keeps the
 * previous version serving, and readiness is what reports the database.
 */
@Startup
@ApplicationScoped
public class RulesetStarted implements HealthCheck {

    @Inject
    ActiveRuleset active;

    @Override
    public HealthCheckResponse call() {
        return RulesetReadiness.of(active);
    }
}

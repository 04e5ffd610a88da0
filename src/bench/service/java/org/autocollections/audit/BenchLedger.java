package org.autocollections.audit;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The decision record of a benchmark build: with {@code collections.bench.skip-audit=true}, decisions are given
 * without being recorded, so that bench/http.sh can show what the record costs (docs/benchmarks.md); otherwise it
 * records as the service always does. Compiled into the service only by the Maven profile {@code bench}, so that no
 * production build can leave decisions unrecorded; even there the service warns at start-up when it does.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class BenchLedger extends DecisionLedger {

    @ConfigProperty(name = "collections.bench.skip-audit", defaultValue = "false")
    boolean skipAudit;

    void warnIfUnrecorded(@Observes StartupEvent event) {
        if (skipAudit) {
            // bench/http.sh looks for "NOT recorded" to confirm the run is unrecorded.
            Logger.getLogger(BenchLedger.class)
                    .warn("collections.bench.skip-audit is set: decisions are NOT recorded. Benchmarks only.");
        }
    }

    @Override
    public void record(List<Entry> entries) {
        if (!skipAudit) {
            super.record(entries);
        }
    }
}

package org.autocollections.audit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The group commit of a benchmark build: with {@code collections.bench.skip-audit=true} (see {@link BenchLedger}) a
 * single decision's record is neither written nor queued, so that the unrecorded run costs what it did before
 * decisions shared their commits.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class BenchGroupCommit extends GroupCommit {

    @ConfigProperty(name = "collections.bench.skip-audit", defaultValue = "false")
    boolean skipAudit;

    @Override
    public int record(DecisionLedger.Entry entry) {
        return skipAudit ? 0 : super.record(entry);
    }
}

package org.autocollections.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.regression.RegressionReport;
import org.autocollections.regression.RegressionRunner;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetVersions;

/**
 * Compliance is not an experiment: before an experiment starts, every arm's version must meet the golden corpus's
 * compliance expectations (contact caps and quiet hours per jurisdiction, refused channels, flags that hold
 * collection, legal-ladder guards; marked in {@code corpus/compliance.json}). An arm that does not is refused, naming
 * the cases, and the experiment stays APPROVED.
 */
@ApplicationScoped
class ComplianceGate {

    /** Enough cases to act on, few enough for one problem's detail. */
    private static final int NAMED = 10;

    @Inject
    RegressionRunner runner;

    @Inject
    RulesetVersions versions;

    void require(String championVersion, List<ExperimentArm> arms) {
        Map<String, String> armsByVersion = new LinkedHashMap<>();
        for (ExperimentArm arm : arms) {
            String version = arm.position == 0 ? championVersion : arm.version;
            armsByVersion.merge(version, arm.arm, (a, b) -> a + ", " + b);
        }
        List<String> failing = new ArrayList<>();
        for (Map.Entry<String, String> version : armsByVersion.entrySet()) {
            List<RegressionReport.Failure> failures;
            try {
                failures = runner.compliance(versions.get(version.getKey()));
            } catch (RulesetCompilationException e) {
                throw new IllegalStateException("Kept version " + version.getKey() + " no longer compiles", e);
            }
            if (!failures.isEmpty()) {
                Set<String> cases = new LinkedHashSet<>();
                failures.forEach(f -> cases.add(f.name() + (f.pointer() == null ? "" : " " + f.pointer())));
                List<String> named = cases.stream().limit(NAMED).toList();
                failing.add("arm " + version.getValue() + " (version " + version.getKey() + ") on "
                        + String.join(", ", named) + (cases.size() > NAMED ? " and " + (cases.size() - NAMED) + " more" : ""));
            }
        }
        if (!failing.isEmpty()) {
            throw ExperimentException.notCompliant(String.join("; ", failing));
        }
    }
}

package org.autocollections.experiments;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.api.Language;
import org.autocollections.decisions.DecisionRouting;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetVersions;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The experiments running now, held in memory so that deciding never reads the database for them: read again after
 * every step this replica takes, and every {@code collections.policy.follow-every} for the steps another replica
 * took. With none running, a decision pays one read of an empty list.
 */
@ApplicationScoped
public class RunningExperiments implements DecisionRouting {

    private static final Logger LOG = Logger.getLogger(RunningExperiments.class);

    /** An arm ready to decide: its name, its compiled version and its share. */
    record Arm(String name, String version, Ruleset ruleset, int shareBasisPoints) {
    }

    /** A running experiment as deciding needs it. */
    record Running(long id, String key, String championVersion, Segment segment, List<Arm> arms, List<Integer> shares) {

        /** The arm of a case in this experiment's segment. */
        Arm armOf(String caseId) {
            return arms.get(ArmAssignment.arm(key, caseId, shares));
        }
    }

    @Inject
    DecisionEngine engine;

    @Inject
    RulesetVersions versions;

    @Inject
    ExperimentAssignments assignments;

    private volatile List<Running> running = List.of();

    void onStart(@jakarta.enterprise.event.Observes StartupEvent start) {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Running experiments not read at start, retried shortly: %s", e.getMessage());
        }
    }

    @Scheduled(every = "${collections.policy.follow-every:10s}", delayed = "${collections.policy.follow-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.debugf("Running experiments not read: %s", e.getMessage());
        }
    }

    /** Reads the running experiments and compiles (or takes from the archive's cache) each arm's version. */
    public synchronized void refresh() {
        List<Experiment> now = QuarkusTransaction.requiringNew().call(() -> Experiment
                .<Experiment>list("status = ?1 order by id", ExperimentStatus.RUNNING));
        List<Running> next = new ArrayList<>(now.size());
        for (Experiment experiment : now) {
            List<ExperimentArm> rows = QuarkusTransaction.requiringNew().call(() -> ExperimentArm
                    .<ExperimentArm>list("experimentId = ?1 order by position", experiment.id));
            next.add(running(experiment, rows));
        }
        running = List.copyOf(next);
    }

    private Running running(Experiment experiment, List<ExperimentArm> rows) {
        Running known = running.stream().filter(r -> r.id() == experiment.id).findFirst().orElse(null);
        List<Arm> arms = new ArrayList<>(rows.size());
        for (ExperimentArm row : rows) {
            arms.add(known != null ? known.arms().get(row.position) : new Arm(row.arm, row.version, compiled(row.version),
                    row.shareBasisPoints));
        }
        return new Running(experiment.id, ArmAssignment.key(experiment.id), experiment.championVersion,
                experiment.segment(), List.copyOf(arms), arms.stream().map(Arm::shareBasisPoints).toList());
    }

    private Ruleset compiled(String version) {
        try {
            return versions.get(version);
        } catch (RulesetCompilationException e) {
            throw new IllegalStateException("Kept version " + version + " no longer compiles: " + e.getMessage(), e);
        }
    }

    @Override
    public Decision route(CollectionCase request, Decision champion, Ruleset ruleset, Language language) {
        List<Running> now = running;
        if (now.isEmpty()) {
            return champion;
        }
        for (Running experiment : now) {
            if (experiment.championVersion().equals(ruleset.version()) && experiment.segment().contains(request, champion)) {
                Arm arm = experiment.armOf(request.caseId());
                Decision decided = arm.version().equals(ruleset.version()) ? champion
                        : engine.decide(request, arm.ruleset(), language);
                return decided.assignedTo(new Decision.Experiment(experiment.id(), arm.name(), arm.version()));
            }
        }
        return champion;
    }

    @Override
    public void remember(List<Routed> decided) {
        assignments.remember(decided);
    }
}

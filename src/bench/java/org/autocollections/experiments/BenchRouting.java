package org.autocollections.experiments;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.autocollections.decisions.DecisionRouting;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.ruleset.Ruleset;

/**
 * The service's routing ({@link RunningExperiments}) built by hand for a benchmark, without a database: either no
 * experiment running, or one whose segment is every case, split between the champion and one challenger. The running
 * set is what the bean would have read at its last refresh; deciding never reads anything else.
 */
public final class BenchRouting {

    private BenchRouting() {
    }

    /** The routing of a service with no experiment running. */
    public static DecisionRouting none(DecisionEngine engine) {
        return with(engine, List.of());
    }

    /** The routing of a service running experiment 1: the champion, and a challenger deciding {@code challengerShare} basis points. */
    public static DecisionRouting oneRunning(DecisionEngine engine, Ruleset champion, Ruleset challenger, int challengerShare) {
        List<RunningExperiments.Arm> arms = new ArrayList<>();
        arms.add(new RunningExperiments.Arm(ExperimentWorkflow.CHAMPION, champion.version(), champion,
                ArmAssignment.WHOLE - challengerShare));
        arms.add(new RunningExperiments.Arm("challenger", challenger.version(), challenger, challengerShare));
        RunningExperiments.Running running = new RunningExperiments.Running(1L, ArmAssignment.key(1L), champion.version(),
                Segment.EVERY_CASE, List.copyOf(arms), arms.stream().map(RunningExperiments.Arm::shareBasisPoints).toList());
        return with(engine, List.of(running));
    }

    private static DecisionRouting with(DecisionEngine engine, List<RunningExperiments.Running> running) {
        RunningExperiments routing = new RunningExperiments();
        routing.engine = engine;
        try {
            Field field = RunningExperiments.class.getDeclaredField("running");
            field.setAccessible(true);
            field.set(routing, running);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("RunningExperiments no longer keeps its running set in 'running'", e);
        }
        return routing;
    }
}

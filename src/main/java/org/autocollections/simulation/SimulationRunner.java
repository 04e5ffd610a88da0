package org.autocollections.simulation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.Message;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.bulk.CaseChunk;
import org.autocollections.bulk.ChunkPipeline;
import org.autocollections.bulk.CommitGate;
import org.autocollections.bulk.PendingCase;
import org.autocollections.bulk.StoredCaseReader;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.observability.LogSafe;
import org.autocollections.ruleset.Ruleset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * Runs simulations in the background, one at a time in this process: each decides every (sampled) stored case with
 * the baseline and with the candidate, as of the simulation's instant, on the service's one chunk pipeline. A
 * second simulation while one runs is refused (409) rather than queued: two would halve each other's speed, and an
 * analyst would rather know at once than wait behind somebody's million cases. Nothing is recorded as a decision.
 */
@ApplicationScoped
public class SimulationRunner {

    private static final Logger LOG = Logger.getLogger(SimulationRunner.class);
    /** A RUNNING simulation not heard from for this long, and not running here, was left by a process that stopped. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    @Inject
    SimulationStore store;

    @Inject
    DecisionEngine engine;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    CommitGate gate;

    @ConfigProperty(name = "collections.simulation.threads", defaultValue = "0")
    int threads;

    @ConfigProperty(name = "collections.simulation.chunk-size", defaultValue = "500")
    int chunkSize;

    private record Running(String simulationId, SimulationProgress progress, CountDownLatch ended) {
    }

    private record ChunkResult(List<Object[]> changes, SimulationTally tally, int cases) {
    }

    private final AtomicReference<Running> running = new AtomicReference<>();

    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulation");
        t.setDaemon(true);
        return t;
    });

    /** Creates the simulation (so it exists when this returns) and runs it in the background. */
    public Simulation start(SimulationSpec spec) {
        String simulationId = UUID.randomUUID().toString();
        Running mine = new Running(simulationId, new SimulationProgress(), new CountDownLatch(1));
        Running other = running.compareAndExchange(null, mine);
        if (other != null) {
            throw new SimulationConflictException(Message.of("simulation-conflict.detail.running", other.simulationId()));
        }
        Simulation simulation;
        try {
            simulation = store.create(newSimulation(simulationId, spec));
        } catch (RuntimeException e) {
            running.set(null);
            throw e;
        }
        runner.submit(() -> {
            try {
                run(simulationId, spec, mine.progress());
            } finally {
                running.set(null);
                mine.ended().countDown();
            }
        });
        return simulation;
    }

    private Simulation newSimulation(String simulationId, SimulationSpec spec) {
        Simulation s = new Simulation();
        s.simulationId = simulationId;
        s.candidateVersion = spec.candidate().version();
        s.baselineVersion = spec.baseline().version();
        s.asOf = spec.asOf();
        s.sampleSize = spec.sample();
        s.status = Simulation.Status.RUNNING;
        s.total = -1;
        s.requestedBy = spec.requestedBy();
        s.createdAt = store.instant();
        s.updatedAt = s.createdAt;
        return s;
    }

    private void run(String simulationId, SimulationSpec spec, SimulationProgress progress) {
        SimulationTally tally = new SimulationTally();
        try {
            OffsetDateTime asOf = spec.asOf().atOffset(ZoneOffset.UTC);
            int chunkSize = spec.chunkSize() > 0 ? spec.chunkSize() : this.chunkSize;
            StoredCaseReader reader = spec.sample() == null
                    ? StoredCaseReader.all(dataSource, json, chunkSize, asOf)
                    : StoredCaseReader.only(dataSource, json, CaseSample.of(dataSource, spec.sample()), chunkSize, asOf);
            try (reader) {
                progress.total = reader.total();
                store.total(simulationId, progress.total);
                boolean completed = ChunkPipeline.run(reader,
                        chunk -> decide(simulationId, chunk, spec.baseline(), spec.candidate()),
                        gate.guard((ChunkResult result) -> commit(simulationId, result, tally, progress)), workers(),
                        "simulation");
                store.finish(simulationId, completed ? Simulation.Status.COMPLETED : Simulation.Status.CANCELLED,
                        SimulationReport.of(tally), null);
            }
        } catch (Exception e) {
            LOG.errorf(LogSafe.redact(e), "Simulation %s failed after %d cases", simulationId, progress.done.get());
            try {
                store.finish(simulationId, Simulation.Status.FAILED, null,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            } catch (RuntimeException again) {
                LOG.errorf("Simulation %s could not be marked failed: %s", simulationId, LogSafe.describe(again));
            }
        }
    }

    private ChunkResult decide(String simulationId, CaseChunk chunk, Ruleset baseline, Ruleset candidate) {
        ChunkResult result = new ChunkResult(new ArrayList<>(), new SimulationTally(), chunk.cases().size());
        for (PendingCase pending : chunk.cases()) {
            CollectionCase request;
            Decision before;
            Decision after;
            try {
                request = pending.resolve();
                before = engine.decide(request, baseline);
                after = engine.decide(request, candidate);
            } catch (RuntimeException e) {
                // One case the policy cannot decide must not stop the simulation: it is counted as failed.
                LOG.warnf("Simulation %s: case %s could not be decided: %s", simulationId, pending.caseId(),
                        LogSafe.describe(e));
                result.tally().addFailure();
                continue;
            }
            String currency = request.loan().currencyOrDefault();
            CaseChange change = CaseChange.of(request.caseId(), currency, before, after);
            result.tally().add(before, after, currency, change != null);
            if (change != null) {
                result.changes().add(change.row(simulationId));
            }
        }
        return result;
    }

    private boolean commit(String simulationId, ChunkResult result, SimulationTally tally, SimulationProgress progress) {
        long done = progress.done.get() + result.cases();
        if (!store.commit(simulationId, result.changes(), done, tally.failed + result.tally().failed,
                tally.changed + result.tally().changed)) {
            return false;
        }
        tally.merge(result.tally());
        progress.done.set(done);
        return true;
    }

    private int workers() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The live progress, when the simulation runs in this process. */
    SimulationProgress progress(String simulationId) {
        Running r = running.get();
        return r != null && r.simulationId().equals(simulationId) ? r.progress() : null;
    }

    /**
     * The simulation as it stands; one left RUNNING by a process that stopped (no progress for two minutes, and not
     * running here) is marked failed, so that nobody waits for it.
     */
    Simulation settle(Simulation simulation) {
        if (simulation.status == Simulation.Status.RUNNING && progress(simulation.simulationId) == null
                && simulation.updatedAt.plus(ABANDONED_AFTER).isBefore(store.instant())) {
            store.abandon(simulation.simulationId, "the service that ran it stopped; start the simulation again");
            return store.find(simulation.simulationId).orElse(simulation);
        }
        return simulation;
    }

    /** Waits for the simulation, if it runs here, to end; for tests. */
    public boolean await(String simulationId, long timeout, TimeUnit unit) throws InterruptedException {
        Running r = running.get();
        return r == null || !r.simulationId().equals(simulationId) || r.ended().await(timeout, unit);
    }

    @PreDestroy
    void stop() {
        Running r = running.get();
        runner.shutdownNow();
        if (r != null) {
            try {
                store.abandon(r.simulationId(), "the service stopped while it ran; start the simulation again");
            } catch (RuntimeException e) {
                LOG.warnf("Simulation %s is left RUNNING: %s", r.simulationId(), LogSafe.describe(e));
            }
        }
    }
}

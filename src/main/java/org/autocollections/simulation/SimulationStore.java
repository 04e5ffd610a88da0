package org.autocollections.simulation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.audit.DecisionLedger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Simulations and their changed cases in the database. A chunk's changed cases and the simulation's progress are
 * one transaction, which also checks that the simulation is still running: a cancel lands between two chunks.
 */
@ApplicationScoped
public class SimulationStore {

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    Simulation create(Simulation simulation) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            simulation.persist();
            return simulation;
        }));
    }

    public Optional<Simulation> find(String simulationId) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew()
                .call(() -> Simulation.<Simulation>findByIdOptional(simulationId)));
    }

    List<Simulation> recent(int limit) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> Simulation
                .<Simulation>findAll(Sort.descending("createdAt", "simulationNumber")).page(0, limit).list()));
    }

    void total(String simulationId, long total) {
        update("update simulation set total = ?, updated_at = ? where simulation_id = ?", total, now(), simulationId);
    }

    /** Commits a chunk's changed cases with the progress; false (and nothing committed) once it is no longer running. */
    boolean commit(String simulationId, List<Object[]> changes, long done, long failed, long changed) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement progress = connection.prepareStatement("update simulation set done = ?, "
                        + "failed = ?, changed = ?, updated_at = ? where simulation_id = ? and status = 'RUNNING'")) {
                    progress.setLong(1, done);
                    progress.setLong(2, failed);
                    progress.setLong(3, changed);
                    progress.setObject(4, now());
                    progress.setString(5, simulationId);
                    if (progress.executeUpdate() == 0) {
                        return false;
                    }
                }
                CaseChange.INSERT.insert(connection, changes);
                return true;
            }
        }));
    }

    /** Ends the simulation with its status, its report (if any) and what went wrong (if anything). */
    void finish(String simulationId, Simulation.Status status, SimulationReport report, String error) {
        String reportJson = report == null ? null : write(report);
        String cut = error == null ? null : error.substring(0, Math.min(2000, error.length()));
        DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            Simulation s = Simulation.findById(simulationId);
            // A cancel that came in while the last chunk was committed stays a cancel.
            s.status = s.status == Simulation.Status.CANCELLED ? s.status : status;
            s.report = reportJson;
            s.error = cut;
            s.finishedAt = clock.instant();
            s.updatedAt = s.finishedAt;
            return s;
        }));
    }

    /** Asks a running simulation to stop after its current chunk; false when it has already ended. */
    boolean cancel(String simulationId) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> Simulation.update(
                "status = ?1, updatedAt = ?2 where simulationId = ?3 and status = ?4", Simulation.Status.CANCELLED,
                clock.instant(), simulationId, Simulation.Status.RUNNING) > 0));
    }

    /** A simulation no process is running any more (the one that ran it stopped) is marked failed. */
    void abandon(String simulationId, String why) {
        DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> Simulation.update(
                "status = ?1, error = ?2, finishedAt = ?3 where simulationId = ?4 and status = ?5",
                Simulation.Status.FAILED, why, clock.instant(), simulationId, Simulation.Status.RUNNING)));
    }

    SimulationReport report(Simulation simulation) {
        if (simulation.report == null) {
            return null;
        }
        try {
            return json.readValue(simulation.report, SimulationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A simulation's report no longer reads", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A simulation's report could not be written as JSON", e);
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private void update(String sql, Object... values) {
        DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    update.setObject(i + 1, values[i]);
                }
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("A simulation could not be updated", e);
            }
        }));
    }

    Instant instant() {
        return clock.instant();
    }
}

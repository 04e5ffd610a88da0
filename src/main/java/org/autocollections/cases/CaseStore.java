package org.autocollections.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.audit.DecisionLedger;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.History;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Stored cases: kept as the servicer sends them, and put back together with their logged history to be decided. */
@ApplicationScoped
public class CaseStore {

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    /** Stores the case (without history); true when it is new. */
    public boolean upsert(CollectionCase request) {
        String snapshot = write(withoutHistory(request));
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            StoredCase stored = StoredCase.findById(request.caseId());
            Instant now = clock.instant();
            if (stored == null) {
                stored = new StoredCase();
                stored.caseId = request.caseId();
                stored.createdAt = now;
                stored.snapshot = snapshot;
                stored.updatedAt = now;
                stored.persist();
                return true;
            }
            if (!stored.snapshot.equals(snapshot)) {
                stored.snapshot = snapshot;
                stored.updatedAt = now;
            }
            return false;
        }));
    }

    public Optional<StoredCase> find(String caseId) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew()
                .call(() -> StoredCase.<StoredCase>findByIdOptional(caseId)));
    }

    /** Inside a transaction: the case must exist. */
    void require(String caseId) {
        if (StoredCase.findById(caseId) == null) {
            throw new CaseNotFoundException(caseId);
        }
    }

    /** The stored case with its logged history, as a decision request at the given instant. */
    public CollectionCase asRequest(String caseId, OffsetDateTime asOf) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            StoredCase stored = StoredCase.findById(caseId);
            if (stored == null) {
                throw new CaseNotFoundException(caseId);
            }
            CollectionCase snapshot = read(stored.snapshot);
            return new CollectionCase(snapshot.caseId(), asOf, snapshot.jurisdiction(), snapshot.borrower(),
                    snapshot.loan(), snapshot.collateral(), history(caseId));
        }));
    }

    private History history(String caseId) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return HistoryReader.read(connection, List.of(caseId)).get(caseId);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The history of case " + caseId + " could not be read", e);
        }
    }

    private static CollectionCase withoutHistory(CollectionCase c) {
        return new CollectionCase(c.caseId(), null, c.jurisdiction(), c.borrower(), c.loan(), c.collateral(), null);
    }

    public CollectionCase read(String snapshot) {
        try {
            return json.readValue(snapshot, CollectionCase.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored case no longer reads as a case", e);
        }
    }

    private String write(CollectionCase c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A case that cannot be written as JSON cannot be stored", e);
        }
    }
}

package org.autocollections.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.autocollections.audit.DecisionLedger;
import org.autocollections.cases.HistoryReader;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.History;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stored cases of a shard in case-id order, from the checkpoint on, a chunk at a time: each chunk is one query
 * for the cases (keyset pagination: the next case ids after the last one read) and five for their histories. Or,
 * for a sample, the given case ids only, a chunk of ids per query.
 */
public final class StoredCaseReader implements ChunkReader {

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Shard shard;
    private final int chunkSize;
    private final OffsetDateTime asOf;
    private String after;
    private boolean ended;
    /** The sample's case ids in order, or null to read every stored case of the shard. */
    private List<String> only;
    private int position;

    public StoredCaseReader(DataSource dataSource, ObjectMapper json, Shard shard, int chunkSize, String checkpoint,
            OffsetDateTime asOf) {
        this.dataSource = dataSource;
        this.json = json;
        this.shard = shard;
        this.chunkSize = chunkSize;
        this.after = checkpoint;
        this.asOf = asOf;
    }

    /** Reads every stored case from the first on. */
    public static StoredCaseReader all(DataSource dataSource, ObjectMapper json, int chunkSize, OffsetDateTime asOf) {
        return new StoredCaseReader(dataSource, json, Shard.WHOLE, chunkSize, null, asOf);
    }

    /** Reads only these cases (sorted by id), those of them still stored. */
    public static StoredCaseReader only(DataSource dataSource, ObjectMapper json, List<String> caseIds, int chunkSize,
            OffsetDateTime asOf) {
        StoredCaseReader reader = new StoredCaseReader(dataSource, json, Shard.WHOLE, chunkSize, null, asOf);
        reader.only = caseIds.stream().sorted().toList();
        return reader;
    }

    @Override
    public long total() throws SQLException {
        if (only != null) {
            return only.size();
        }
        return DecisionLedger.guarded(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (shard.count() == 1) {
                    try (PreparedStatement count = connection.prepareStatement("select count(*) from collection_case");
                            ResultSet rows = count.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }
                try (PreparedStatement ids = connection.prepareStatement("select case_id from collection_case")) {
                    ids.setFetchSize(10_000);
                    long total = 0;
                    try (ResultSet rows = ids.executeQuery()) {
                        while (rows.next()) {
                            total += shard.contains(rows.getString(1)) ? 1 : 0;
                        }
                    }
                    return total;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The stored cases could not be counted", e);
            }
        });
    }

    @Override
    public CaseChunk next() {
        if (ended) {
            return null;
        }
        return DecisionLedger.guarded(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return read(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("The stored cases could not be read", e);
            }
        });
    }

    private CaseChunk read(Connection connection) throws SQLException {
        if (only != null) {
            return readListed(connection);
        }
        // Other shards' cases are read and passed over: a run with N shards reads the portfolio N times, which is
        // cheap beside deciding it, and keeps the shard a pure function of the case id.
        int limit = Math.min(50_000, chunkSize * shard.count());
        Map<String, String> snapshots = new LinkedHashMap<>();
        String last = null;
        int read = 0;
        try (PreparedStatement select = connection.prepareStatement(after == null
                ? "select case_id, snapshot from collection_case order by case_id limit ?"
                : "select case_id, snapshot from collection_case where case_id > ? order by case_id limit ?")) {
            int p = 1;
            if (after != null) {
                select.setString(p++, after);
            }
            select.setInt(p, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    read++;
                    last = rows.getString(1);
                    if (shard.contains(last)) {
                        snapshots.put(last, rows.getString(2));
                    }
                }
            }
        }
        if (read < limit) {
            ended = true;
        }
        if (read == 0) {
            return null;
        }
        after = last;
        return chunkOf(connection, snapshots, last);
    }

    private CaseChunk readListed(Connection connection) throws SQLException {
        List<String> ids = only.subList(position, Math.min(only.size(), position + chunkSize));
        position += ids.size();
        ended = position >= only.size();
        if (ids.isEmpty()) {
            return null;
        }
        Map<String, String> snapshots = new java.util.TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("select case_id, snapshot from collection_case "
                + "where case_id in (" + "?, ".repeat(ids.size() - 1) + "?)")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    snapshots.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return chunkOf(connection, snapshots, ids.get(ids.size() - 1));
    }

    private CaseChunk chunkOf(Connection connection, Map<String, String> snapshots, String checkpoint) throws SQLException {
        Map<String, History> histories = HistoryReader.read(connection, snapshots.keySet());
        List<PendingCase> cases = new ArrayList<>(snapshots.size());
        snapshots.forEach((id, snapshot) -> cases.add(new StoredPending(id, snapshot, histories.get(id))));
        return new CaseChunk(cases, checkpoint);
    }

    @Override
    public void close() {
    }

    private final class StoredPending implements PendingCase {
        private final String caseId;
        private final String snapshot;
        private final History history;

        StoredPending(String caseId, String snapshot, History history) {
            this.caseId = caseId;
            this.snapshot = snapshot;
            this.history = history;
        }

        @Override
        public String caseId() {
            return caseId;
        }

        @Override
        public long line() {
            return 0;
        }

        @Override
        public CollectionCase resolve() {
            CollectionCase c;
            try {
                c = json.readValue(snapshot, CollectionCase.class);
            } catch (JsonProcessingException e) {
                throw new org.autocollections.api.InvalidRequestException("snapshot",
                        "the stored case no longer reads as a case: " + e.getOriginalMessage());
            }
            return new CollectionCase(c.caseId(), asOf, c.jurisdiction(), c.borrower(), c.loan(), c.collateral(), history);
        }
    }
}

package org.autocollections.simulation;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import javax.sql.DataSource;

/**
 * A deterministic sample of the stored cases: the N whose ids hash lowest. The hash depends on the id alone, so the
 * same portfolio always gives the same sample, a sample of N+1 holds the sample of N, and the sample is spread over
 * the whole book rather than being its first N ids (which an id scheme may cluster by branch or by age).
 */
final class CaseSample {

    private record Ranked(long rank, String caseId) {
    }

    private static final Comparator<Ranked> ORDER = Comparator.comparingLong(Ranked::rank).thenComparing(Ranked::caseId);

    private CaseSample() {
    }

    /** The sampled case ids, or every id when the portfolio holds no more than N. */
    static List<String> of(DataSource dataSource, int size) throws SQLException {
        PriorityQueue<Ranked> lowest = new PriorityQueue<>(ORDER.reversed());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ids = connection.prepareStatement("select case_id from collection_case")) {
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            ids.setFetchSize(10_000);
            try (ResultSet rows = ids.executeQuery()) {
                while (rows.next()) {
                    Ranked next = new Ranked(rank(rows.getString(1)), rows.getString(1));
                    if (lowest.size() < size) {
                        lowest.add(next);
                    } else if (ORDER.compare(next, lowest.peek()) < 0) {
                        lowest.poll();
                        lowest.add(next);
                    }
                }
            }
            connection.commit();
        }
        List<String> sample = new ArrayList<>(lowest.size());
        lowest.forEach(r -> sample.add(r.caseId()));
        return sample;
    }

    /** 64-bit FNV-1a of the id's UTF-8 bytes, then a finalising mix so that similar ids spread apart. */
    static long rank(String caseId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : caseId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}

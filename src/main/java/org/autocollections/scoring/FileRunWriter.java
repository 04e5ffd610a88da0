package org.autocollections.scoring;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.autocollections.api.CompactDecision;
import org.autocollections.audit.DecisionLedger;
import org.autocollections.bulk.RunTally;
import org.autocollections.portfolio.ImportFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes a file run's output: one line per line of input, in input order (JSON Lines: the decision, or the line's
 * problem; CSV: a row of {@link DecisionCsv}). Each chunk is forced to disk before its checkpoint, the input line and
 * the output's length, is committed; a resumed run cuts the output back to that length and goes on from there.
 */
final class FileRunWriter implements ChunkWriter<byte[]> {

    private final FileChannel out;
    private final ImportFormat format;
    private final ObjectMapper json;
    private final DataSource dataSource;
    private final RunStore store;
    private final String runId;
    private final int shardIndex;
    private final boolean floor;
    private final boolean trace;

    FileRunWriter(Path file, ImportFormat format, long resumeAt, ObjectMapper json, DataSource dataSource, RunStore store,
            String runId, int shardIndex, boolean floor, boolean trace) throws IOException {
        this.format = format;
        this.json = json;
        this.dataSource = dataSource;
        this.store = store;
        this.runId = runId;
        this.shardIndex = shardIndex;
        this.floor = floor;
        this.trace = trace;
        this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (resumeAt >= 0) {
            out.truncate(resumeAt); // what was written after the last committed chunk is written again
            out.position(resumeAt);
        } else {
            out.truncate(0);
            if (format == ImportFormat.CSV && !floor) {
                write(DecisionCsv.header().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public byte[] prepare(ScoredCase scored) throws JsonProcessingException {
        String line;
        if (scored.copied()) {
            line = json.writeValueAsString(scored.request()) + "\n";
        } else if (format == ImportFormat.CSV) {
            line = DecisionCsv.row(scored);
        } else if (scored.decided()) {
            line = json.writeValueAsString(trace ? scored.decision() : CompactDecision.of(scored.decision())) + "\n";
        } else {
            line = json.writeValueAsString(Map.of("line", scored.input().line(),
                    "caseId", String.valueOf(scored.caseId()), "problem", scored.problem())) + "\n";
        }
        return line.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean commit(List<byte[]> chunk, String checkpoint, RunTally tally) throws IOException {
        int size = 0;
        for (byte[] line : chunk) {
            size += line.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        chunk.forEach(buffer::put);
        write(buffer.array());
        out.force(false);
        String position = checkpoint + ":" + out.position();
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return store.checkpoint(connection, runId, shardIndex, position, tally);
            }
        }));
    }

    private void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** The input line and output length a checkpoint "line:length" names; {-1, -1} for none. */
    static long[] position(String checkpoint) {
        if (checkpoint == null) {
            return new long[] { -1, -1 };
        }
        int colon = checkpoint.indexOf(':');
        return new long[] { Long.parseLong(checkpoint.substring(0, colon)), Long.parseLong(checkpoint.substring(colon + 1)) };
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

package org.autocollections.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.autocollections.api.CaseReader;
import org.autocollections.api.CollectionCase;
import org.autocollections.bulk.CaseChunk;
import org.autocollections.bulk.ChunkReader;
import org.autocollections.bulk.PendingCase;
import org.autocollections.bulk.Shard;
import org.autocollections.portfolio.CaseLine;
import org.autocollections.portfolio.CaseSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The cases of a JSON Lines or CSV file, a chunk at a time, from the line after the checkpoint on. A case without
 * an {@code asOf} is decided as of the run's instant. Each line is checked exactly as the decision API checks a
 * request, on the worker threads.
 */
final class FileCaseReader implements ChunkReader {

    private final CaseSource source;
    private final Path file;
    private final boolean csv;
    private final CaseReader validator;
    private final Shard shard;
    private final int chunkSize;
    private final long resumeAfterLine;
    private final OffsetDateTime asOf;
    private boolean ended;

    FileCaseReader(CaseSource source, Path file, boolean csv, CaseReader validator, Shard shard, int chunkSize,
            long resumeAfterLine, OffsetDateTime asOf) {
        this.source = source;
        this.file = file;
        this.csv = csv;
        this.validator = validator;
        this.shard = shard;
        this.chunkSize = chunkSize;
        this.resumeAfterLine = resumeAfterLine;
        this.asOf = asOf;
    }

    /** Lines in the file (less a CSV header), divided among the shards; -1 for a compressed file. */
    @Override
    public long total() throws IOException {
        if (file.toString().endsWith(".gz")) {
            return -1;
        }
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        int last = '\n';
        try (var in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        if (last != '\n') {
            lines++;
        }
        long cases = csv ? Math.max(0, lines - 1) : lines;
        return shard.count() == 1 ? cases : cases / shard.count();
    }

    @Override
    public CaseChunk next() throws IOException {
        if (ended) {
            return null;
        }
        List<PendingCase> cases = new ArrayList<>(chunkSize);
        long lastLine = -1;
        CaseLine line;
        while (cases.size() < chunkSize && (line = source.next()) != null) {
            lastLine = line.line();
            if (line.line() <= resumeAfterLine || !inShard(line)) {
                continue;
            }
            cases.add(new FileLine(line));
        }
        if (lastLine < 0) {
            ended = true;
            return null;
        }
        if (cases.size() < chunkSize) {
            ended = true;
        }
        return new CaseChunk(cases, Long.toString(lastLine));
    }

    /** A line without a case id goes to shard 0, so that exactly one shard reports it. */
    private boolean inShard(CaseLine line) {
        return line.caseId() == null ? shard.index() == 0 : shard.contains(line.caseId());
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private final class FileLine implements PendingCase {
        private final CaseLine line;

        FileLine(CaseLine line) {
            this.line = line;
        }

        @Override
        public String caseId() {
            return line.caseId();
        }

        @Override
        public long line() {
            return line.line();
        }

        @Override
        public CollectionCase resolve() {
            if (line.problem() != null) {
                throw new RefusedCase(line.problem());
            }
            JsonNode node = line.node();
            CollectionCase c = validator.read(node);
            return c.asOf() != null ? c
                    : new CollectionCase(c.caseId(), asOf, c.jurisdiction(), c.borrower(), c.loan(), c.collateral(), c.history());
        }
    }
}

package org.autocollections.portfolio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.Message;
import org.autocollections.api.CaseReader;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.CollectionCase;
import org.autocollections.bulk.ChunkPipeline;
import org.autocollections.bulk.CommitGate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Imports a portfolio of cases from a stream, for the API and the command line alike. The stream is read one case
 * at a time and the cases are stored in batches, so memory holds one batch whatever the size of the file. Each case
 * is judged by {@link CaseReader} exactly as PUT /api/v1/cases/{caseId} judges it; a refused line is counted and
 * (the first {@value ImportSummary#MAX_ERRORS_LISTED}) listed with its line number, and the rest go on. A case that
 * appears twice is stored twice, in file order, as two PUTs would.
 */
@ApplicationScoped
public class PortfolioImporter {

    @Inject
    CaseReader reader;

    @Inject
    CaseBatchWriter writer;

    @Inject
    ObjectMapper json;

    @Inject
    CommitGate gate;

    /** Cases per transaction (at most 5,000: the batch is read back in one query with a parameter per case). */
    @ConfigProperty(name = "collections.import.batch-size", defaultValue = "500")
    int batchSize;

    public ImportSummary importFrom(InputStream in, ImportFormat format, Charset charset, ImportProgress progress)
            throws IOException {
        try (CaseSource source = open(in, format, charset)) {
            return run(source, progress == null ? new ImportProgress() : progress);
        }
    }

    /** The file as a source of cases, one at a time: what the import reads, and a portfolio run too. */
    public CaseSource open(InputStream in, ImportFormat format, Charset charset) throws IOException {
        return switch (format) {
            case JSONL -> new JsonLinesSource(in, json);
            case CSV -> new CsvSource(new BufferedReader(new InputStreamReader(in,
                    charset == null ? StandardCharsets.UTF_8 : charset), 64 * 1024), json.getNodeFactory());
        };
    }

    /**
     * Reads and checks the cases on this thread while the pipeline writes the previous batches as JSON and stores
     * them, one batch at a time in file order, on threads of its own. At most two batches wait to be stored, so
     * memory holds at most four whatever the size of the file; a failure to store stops the import.
     */
    private ImportSummary run(CaseSource source, ImportProgress progress) throws IOException {
        Tally tally = new Tally();
        try (ChunkPipeline<List<CollectionCase>, List<CaseBatchWriter.Pending>> pipeline = new ChunkPipeline<>(
                this::pending, gate.guard(pending -> store(pending, tally, progress)), 1, 2, "portfolio-import")) {
            int batchSize = Math.max(1, Math.min(this.batchSize, 5000));
            List<CollectionCase> batch = new ArrayList<>(batchSize);
            Set<String> idsInBatch = new HashSet<>();
            CaseLine line;
            while ((line = source.next()) != null) {
                progress.read.incrementAndGet();
                if (line.problem() != null) {
                    tally.refuse(line.line(), line.caseId(), line.problem());
                    progress.failed.incrementAndGet();
                    continue;
                }
                CollectionCase pending;
                try {
                    pending = validate(line);
                } catch (InvalidRequestException e) {
                    tally.refuse(line.line(), line.caseId(), e.raised());
                    progress.failed.incrementAndGet();
                    continue;
                }
                if (!idsInBatch.add(pending.caseId())) {
                    // The same case twice in one batch: store the first before the second, as two PUTs would.
                    submit(pipeline, batch);
                    batch = new ArrayList<>(batchSize);
                    idsInBatch.clear();
                    idsInBatch.add(pending.caseId());
                }
                batch.add(pending);
                if (batch.size() >= batchSize) {
                    submit(pipeline, batch);
                    batch = new ArrayList<>(batchSize);
                    idsInBatch.clear();
                }
            }
            submit(pipeline, batch);
            pipeline.finish();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } catch (Exception e) {
            // Not thrown: reading, writing JSON and storing throw no other checked exception.
            throw new IllegalStateException(e.getMessage(), e);
        }
        return tally.summary();
    }

    private static void submit(ChunkPipeline<List<CollectionCase>, ?> pipeline, List<CollectionCase> batch) throws Exception {
        if (!batch.isEmpty()) {
            pipeline.submit(batch);
        }
    }

    /** A batch as it will be stored: written as JSON on the pipeline's worker, off the thread that reads and checks. */
    private List<CaseBatchWriter.Pending> pending(List<CollectionCase> batch) {
        List<CaseBatchWriter.Pending> pending = new ArrayList<>(batch.size());
        for (CollectionCase c : batch) {
            pending.add(writer.pending(c));
        }
        return pending;
    }

    /** Stores a batch, on the pipeline's committing thread. */
    private boolean store(List<CaseBatchWriter.Pending> pending, Tally tally, ImportProgress progress) {
        for (CaseBatchWriter.Outcome outcome : writer.write(pending)) {
            switch (outcome) {
                case CREATED -> tally.created++;
                case UPDATED -> tally.updated++;
                case UNCHANGED -> tally.unchanged++;
            }
        }
        progress.stored.addAndGet(pending.size());
        return true;
    }

    /** The line as a case to store, or the reasons it is refused. */
    private CollectionCase validate(CaseLine line) {
        if (line.node().isObject() && line.node().has("history")) {
            throw new InvalidRequestException("history", Message.of("field.history-not-sent"));
        }
        return reader.read(line.node());
    }

    /** The lines refused, all counted and the first listed; and what became of those stored. */
    private static final class Tally {
        long failed;
        final List<ImportSummary.LineError> errors = new ArrayList<>();
        // Written by the pipeline's committing thread only; read once it has ended.
        long created;
        long updated;
        long unchanged;

        void refuse(long line, String caseId, org.autocollections.api.RaisedProblem problem) {
            failed++;
            if (errors.size() < ImportSummary.MAX_ERRORS_LISTED) {
                errors.add(ImportSummary.LineError.of(line, caseId, problem));
            }
        }

        ImportSummary summary() {
            return new ImportSummary(created + updated + unchanged, created, updated, unchanged, failed, List.copyOf(errors));
        }
    }
}

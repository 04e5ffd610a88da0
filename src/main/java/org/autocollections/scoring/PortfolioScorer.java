package org.autocollections.scoring;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.Message;
import org.autocollections.api.CaseReader;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Problem;
import org.autocollections.audit.DecisionLedger;
import org.autocollections.bulk.ChunkReader;
import org.autocollections.bulk.CommitGate;
import org.autocollections.bulk.PendingCase;
import org.autocollections.bulk.Shard;
import org.autocollections.bulk.StoredCaseReader;
import org.autocollections.api.CollectionCase;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.observability.DecisionMetrics;
import org.autocollections.observability.DecisionSpans;
import org.autocollections.observability.LogSafe;
import org.autocollections.portfolio.ImportFormat;
import org.autocollections.portfolio.PortfolioImporter;
import org.autocollections.decisions.DecisionRouting;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.RulesetVersions;
import org.autocollections.ruleset.Ruleset;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * Scores one shard of a portfolio run to the end, from wherever it stands: the command line's {@code score} and
 * the API's runs both come here. Every case is decided with the run's ruleset version (rebuilt from the archive
 * when the active one has changed since the run began) and as of the run's instant.
 */
@ApplicationScoped
public class PortfolioScorer {

    private static final Logger LOG = Logger.getLogger(PortfolioScorer.class);

    @Inject
    RunStore store;

    @Inject
    RunSummaries summaries;

    @Inject
    ActiveRuleset active;

    @Inject
    RulesetVersions versions;

    @Inject
    DecisionEngine engine;

    @Inject
    DecisionLedger ledger;

    @Inject
    CaseReader validator;

    @Inject
    PortfolioImporter files;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DecisionMetrics metrics;

    @Inject
    CommitGate gate;

    @Inject
    DecisionSpans spans;

    @Inject
    DecisionRouting routing;

    /** Takes up the spec's shard: starts, joins or resumes its run. */
    public RunStore.Claim claim(RunSpec spec) {
        if (spec.input() != null && !Files.isReadable(spec.input())) {
            throw new RunConflictException(Message.of("run-conflict.detail.unreadable-input", spec.input()));
        }
        return store.claim(spec, active.current().version());
    }

    /**
     * Scores the claimed shard to its end (or until the run is cancelled) and returns the run as it then stands. One
     * span covers the shard; its cases make none of their own, so a run of millions stays one span per shard.
     */
    public PortfolioRun score(RunStore.Claim claim, RunSpec spec, RunProgress progress) {
        return spans.portfolioShard(claim.run().runId, spec.shard().toString(), claim.run().rulesetVersion,
                () -> scoreShard(claim, spec, progress));
    }

    private PortfolioRun scoreShard(RunStore.Claim claim, RunSpec spec, RunProgress progress) {
        RunShard.Key key = new RunShard.Key(claim.run().runId, claim.shard().shardIndex);
        progress.runId = claim.run().runId;
        if (claim.alreadyComplete()) {
            progress.doneBefore = claim.shard().done();
            progress.total = claim.shard().total;
            return store.finish(key, PortfolioRun.Status.COMPLETED, null, summaries);
        }
        progress.listener = metrics::portfolioCases;
        try (AutoCloseable shown = metrics.runInProgress(key.runId, key.shardIndex, progress::ratio)) {
            Ruleset ruleset = versions.get(claim.run().rulesetVersion);
            PortfolioRun.Status status = run(claim, spec, ruleset, progress, key);
            return store.finish(key, status, null, summaries);
        } catch (Exception e) {
            LOG.errorf(LogSafe.redact(e), "Portfolio run %s shard %s failed after %d cases", key.runId, spec.shard(), progress.done());
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            try {
                store.finish(key, PortfolioRun.Status.FAILED, message, summaries);
            } catch (RuntimeException again) {
                e.addSuppressed(again); // the database is away: the shard stays RUNNING and is resumed all the same
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(message, e);
        }
    }

    private PortfolioRun.Status run(RunStore.Claim claim, RunSpec spec, Ruleset ruleset, RunProgress progress,
            RunShard.Key key) throws Exception {
        PortfolioRun run = claim.run();
        OffsetDateTime asOf = run.asOf.atOffset(ZoneOffset.UTC);
        progress.doneBefore = claim.shard().done();
        try (ChunkReader reader = reader(run, claim.shard(), spec, asOf);
                ChunkWriter<?> writer = new AssignmentKeeper<>(writer(run, claim.shard(), spec), routing)) {
            long total = claim.shard().total;
            if (total < 0) {
                total = reader.total();
                store.total(key, total);
            }
            progress.total = total;
            ScoringPipeline.Outcome outcome = ScoringPipeline.run(reader, writer,
                    pending -> score(pending, ruleset, spec.floor()), spec.threads(), progress, gate);
            return outcome == ScoringPipeline.Outcome.COMPLETED ? PortfolioRun.Status.COMPLETED : PortfolioRun.Status.CANCELLED;
        }
    }

    private ChunkReader reader(PortfolioRun run, RunShard shard, RunSpec spec, OffsetDateTime asOf) throws IOException {
        if (run.source == PortfolioRun.Source.STORED) {
            return new StoredCaseReader(dataSource, json, spec.shard(), spec.chunkSize(), shard.checkpoint, asOf);
        }
        Path input = Path.of(run.input);
        ImportFormat format = spec.inputFormat() != null ? spec.inputFormat() : ImportFormat.ofFileName(run.input)
                .orElseThrow(() -> new RunConflictException(Message.of("run-conflict.detail.unknown-format", run.input)));
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(input), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new RunConflictException(Message.of("run-conflict.detail.no-input", run.input));
        }
        if (run.input.endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        long[] position = FileRunWriter.position(shard.checkpoint);
        return new FileCaseReader(files.open(in, format, StandardCharsets.UTF_8), input, format == ImportFormat.CSV,
                validator, spec.shard(), spec.chunkSize(), position[0], asOf);
    }

    private ChunkWriter<?> writer(PortfolioRun run, RunShard shard, RunSpec spec) throws IOException {
        if (run.source == PortfolioRun.Source.STORED) {
            return new StoredRunWriter(dataSource, ledger, store, run.runId, shard.shardIndex);
        }
        Path output = outputOf(run, spec.shard());
        ImportFormat format = spec.outputFormat() != null ? spec.outputFormat()
                : ImportFormat.ofFileName(output.toString()).orElse(ImportFormat.JSONL);
        return new FileRunWriter(output, format, FileRunWriter.position(shard.checkpoint)[1], json, dataSource, store,
                run.runId, shard.shardIndex, spec.floor(), spec.trace());
    }

    /** The output file of a shard: the run's own when it has one shard, else with ".shard-i-of-N" before the extension. */
    public static Path outputOf(PortfolioRun run, Shard shard) {
        if (shard.count() == 1) {
            return Path.of(run.output);
        }
        String name = run.output;
        int dot = name.indexOf('.', Math.max(0, name.lastIndexOf('/') + 1));
        String suffix = ".shard-" + shard.index() + "-of-" + shard.count();
        return Path.of(dot < 0 ? name + suffix : name.substring(0, dot) + suffix + name.substring(dot));
    }

    private ScoredCase score(PendingCase pending, Ruleset ruleset, boolean floor) {
        CollectionCase request;
        try {
            request = pending.resolve();
        } catch (InvalidRequestException e) {
            return new ScoredCase(pending, null, null, e.problem());
        } catch (RefusedCase e) {
            return new ScoredCase(pending, null, null, e.problem());
        }
        if (floor) {
            return new ScoredCase(pending, request, null, null);
        }
        try {
            return new ScoredCase(pending, request,
                    routing.route(request, engine.decide(request, ruleset), ruleset, org.autocollections.api.Language.EN), null);
        } catch (RuntimeException e) {
            // A policy fault on one case must not stop the night's run: the case is counted as failed, with why.
            LOG.warnf("Case %s could not be decided: %s", request.caseId(), LogSafe.describe(e));
            return new ScoredCase(pending, request, null, Problem.of("decision-failed", "Decision failed", 500,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}

package org.autocollections.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.autocollections.audit.DatabaseUnavailableException;
import org.autocollections.bulk.Shard;
import org.autocollections.portfolio.ImportFormat;
import org.autocollections.scoring.PortfolioRun;
import org.autocollections.scoring.PortfolioScorer;
import org.autocollections.scoring.RunConflictException;
import org.autocollections.scoring.RunProgress;
import org.autocollections.scoring.RunSpec;
import org.autocollections.scoring.RunShard;
import org.autocollections.scoring.RunStatus;
import org.autocollections.scoring.RunStore;
import org.autocollections.scoring.RunSummaries;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code score}: the nightly portfolio run. Scores every stored case (or a file, into a file) with the active
 * ruleset; run it again after a crash and it resumes at the last committed chunk.
 */
@Command(name = "score", sortOptions = false,
        description = { "Score the portfolio with the active ruleset: every stored case, or the cases of a file into "
                + "another file.",
                "Run the same command again after a stop and it resumes where the last committed chunk ended.",
                "Prints the run's summary as JSON on stdout and progress on stderr.",
                "Exit code: 0 every case decided, 2 some cases could not be decided, 3 the run was cancelled, "
                        + "1 the run could not go on." })
public class ScoreCommand implements Callable<Integer> {

    static final int SOME_FAILED = 2;
    static final int CANCELLED = 3;

    @Option(names = "--run", paramLabel = "ID",
            description = "The run to start, join or resume (letters, digits, . _ : -). By default the newest unfinished "
                    + "run of the same kind is resumed, or a new one started.")
    String runId;

    @Option(names = "--shard", paramLabel = "i/N",
            description = "Score only part i of N of the portfolio (by a stable hash of the case id).")
    String shard;

    @Option(names = "--shards", paramLabel = "N",
            description = "Split into N parts and take the one numbered by $JOB_COMPLETION_INDEX (a Kubernetes Indexed Job).")
    Integer shards;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "Decide as of this instant (ISO 8601 with offset); by default now. Fixed when the run starts.")
    String asOf;

    @Option(names = "--in", paramLabel = "FILE", description = "Score the cases of this file (.jsonl or .csv, optionally .gz) instead of the stored cases.")
    Path input;

    @Option(names = "--out", paramLabel = "FILE", description = "Where a file run writes its decisions (.jsonl or .csv), one line per input line.")
    Path output;

    @Option(names = "--trace", paramLabel = "compact|full", defaultValue = "compact",
            description = "How a file run's JSON Lines give each decision: compact (the default) as the HTTP answer, "
                    + "the conclusions and each area's reasons with the rule and table row behind them; full with each "
                    + "reason worded and rulesFired (every rule fired, in order), several times the size.")
    String trace;

    /** Kept so that scripts written when the full trace was the default still run; compact is now the default. */
    @Option(names = "--no-trace", hidden = true, description = "Deprecated: compact is the default; same as --trace=compact.")
    boolean noTrace;

    @Option(names = "--chunk", paramLabel = "N", defaultValue = "500",
            description = "Cases per chunk: the unit of work and of commit (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that decide; by default one per core.")
    int threads;

    @Option(names = "--no-progress", description = "No progress on stderr.")
    boolean noProgress;

    @Option(names = "--floor", hidden = true,
            description = "Benchmarks only: copy each case instead of deciding it, to measure the pipeline alone.")
    boolean floor;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Inject
    PortfolioScorer scorer;

    @Inject
    RunStore store;

    @Inject
    RunSummaries summaries;

    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        RunSpec run;
        try {
            run = spec();
        } catch (IllegalArgumentException e) {
            err.println("score: " + e.getMessage());
            err.flush();
            return ImportCommand.FATAL;
        }
        RunProgress progress = new RunProgress();
        PortfolioRun finished;
        try {
            RunStore.Claim claim = scorer.claim(run);
            err.println("score: run " + claim.run().runId + ", shard " + run.shard() + ", ruleset "
                    + claim.run().rulesetVersion + ", as of " + claim.run().asOf
                    + (claim.shard().done() > 0 ? ", resuming after " + claim.shard().done() + " cases" : ""));
            err.flush();
            try (ScoreProgress shown = noProgress ? null : ScoreProgress.start(progress, err)) {
                finished = scorer.score(claim, run, progress);
            }
        } catch (RunConflictException e) {
            err.println("score: " + e.getMessage());
            err.flush();
            return ImportCommand.FATAL;
        } catch (DatabaseUnavailableException e) {
            err.println("score: the database is not available; " + progress.done()
                    + " cases are committed, and running the same command again resumes after them.");
            err.flush();
            return ImportCommand.FATAL;
        }
        RunStatus status = RunStatus.of(finished, store.shards(finished.runId));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run", status);
        result.put("summary", finished.status == PortfolioRun.Status.COMPLETED && finished.summary != null
                ? json.readTree(finished.summary) : summaries.current(finished.runId));
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        out.flush();
        RunShard mine = store.shards(finished.runId).stream().filter(s -> s.shardIndex == run.shard().index())
                .findFirst().orElseThrow();
        if (mine.status == PortfolioRun.Status.CANCELLED) {
            return CANCELLED;
        }
        return mine.failed > 0 ? SOME_FAILED : ImportCommand.OK;
    }

    RunSpec spec() {
        Shard part = shard != null ? Shard.parse(shard) : Shard.WHOLE;
        if (shards != null) {
            if (shard != null) {
                throw new IllegalArgumentException("give --shard or --shards, not both");
            }
            String index = System.getenv("JOB_COMPLETION_INDEX");
            if (index == null) {
                throw new IllegalArgumentException("--shards needs $JOB_COMPLETION_INDEX (set by a Kubernetes Indexed Job)");
            }
            part = Shard.parse(index + "/" + shards);
        }
        if (runId != null && !runId.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("--run must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        if ((input == null) != (output == null)) {
            throw new IllegalArgumentException("a file run needs both --in and --out");
        }
        boolean fullTrace = switch (trace) {
            case "full" -> true;
            case "compact" -> false;
            default -> throw new IllegalArgumentException("--trace must be compact or full, not " + trace);
        };
        if (noTrace && fullTrace) {
            throw new IllegalArgumentException("--no-trace and --trace=full contradict each other");
        }
        java.time.Instant instant = null;
        if (asOf != null) {
            try {
                instant = OffsetDateTime.parse(asOf).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--as-of must be an ISO 8601 instant with offset, such as 2026-11-29T00:00:00Z");
            }
        }
        ImportFormat inFormat = input == null ? null : ImportFormat.ofFileName(input.toString()).orElseThrow(
                () -> new IllegalArgumentException("cannot tell the format of " + input + " from its name (.jsonl or .csv)"));
        ImportFormat outFormat = output == null ? null : ImportFormat.ofFileName(output.toString()).orElseThrow(
                () -> new IllegalArgumentException("cannot tell the format of " + output + " from its name (.jsonl or .csv)"));
        return new RunSpec(runId, input == null ? null : input.toAbsolutePath(), inFormat,
                output == null ? null : output.toAbsolutePath(), outFormat, part, instant, chunk, threads, floor, fullTrace);
    }
}

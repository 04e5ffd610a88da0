package org.autocollections.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.autocollections.portfolio.FollowUpFile;
import org.autocollections.portfolio.FollowUpStrategy;
import org.autocollections.portfolio.ImportFormat;
import org.autocollections.portfolio.SyntheticPortfolio;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate --cases 1000000 --out portfolio.jsonl}: a synthetic portfolio of car loans in collections
 * ({@link SyntheticPortfolio}), written case by case, so memory stays small whatever the count. The same seed and
 * date give the same file, byte for byte.
 */
@Command(name = "generate", sortOptions = false,
        description = { "Write a synthetic portfolio of overdue car loans for `import`, every case valid.",
                "Buckets, balances, borrowers and flags are mixed as in a real book (docs/portfolio-generator.md); "
                        + "the same --seed and --as-of give the same file. Exit code: 0 written, 1 it could not be written." })
public class GenerateCommand implements Callable<Integer> {

    @Option(names = { "-n", "--cases" }, required = true, paramLabel = "N", description = "How many cases.")
    long cases;

    @Option(names = { "-o", "--out" }, required = true, paramLabel = "FILE",
            description = "Where to write: a .jsonl or .csv file; - writes to stdout.")
    String out;

    @Option(names = "--format", paramLabel = "jsonl|csv", description = "The format; by default from the file's extension.")
    String format;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SyntheticPortfolio.DEFAULT_SEED,
            description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The day the portfolio describes (default: today, UTC); due dates and valuations precede it.")
    LocalDate asOf;

    @Option(names = "--with-history",
            description = "Add contacts, broken promises, plans and legal steps (JSON Lines only). Such cases are for "
                    + "POST /api/v1/decisions: the import refuses history, which is logged entry by entry.")
    boolean withHistory;

    @Option(names = "--follow-up", paramLabel = "FILE",
            description = "Also simulate the weeks after a decision on each case (payments, promises kept or broken, "
                    + "contacts) and write them to FILE as JSON Lines, one log entry a line: "
                    + "{\"caseId\", \"log\", \"entry\"}, to POST to /api/v1/cases/{caseId}/{log}.")
    String followUp;

    @Option(names = "--follow-up-days", paramLabel = "DAYS", defaultValue = "60",
            description = "Days simulated after the decision, taken at noon UTC of --as-of (default: ${DEFAULT-VALUE}).")
    int followUpDays;

    @Option(names = "--follow-up-strategy", paramLabel = "PHONE_FIRST|SMS_FIRST", defaultValue = "PHONE_FIRST",
            description = "The action taken at the decision, on which the simulated weeks depend (default: ${DEFAULT-VALUE}).")
    FollowUpStrategy strategy;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    /** The service clock under the application; the system's when the command runs on its own (see Main). */
    @Inject
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean stdout = out.equals("-");
        ImportFormat chosen = format != null ? ImportFormat.ofName(format).orElse(null)
                : stdout ? ImportFormat.JSONL : ImportFormat.ofFileName(out).orElse(null);
        String problem = cases < 0 ? "--cases must be 0 or more"
                : chosen == null && format != null ? "unknown --format " + format + "; use jsonl or csv"
                : chosen == null ? "cannot tell the format of " + out + " from its name; add --format jsonl or --format csv"
                : chosen == ImportFormat.CSV && withHistory ? "--with-history needs JSON Lines: a CSV portfolio carries no history"
                : followUp != null && (followUpDays < 1 || followUpDays > 365) ? "--follow-up-days must be 1 to 365"
                : null;
        if (problem != null) {
            return fail(err, problem);
        }
        LocalDate day = asOf != null ? asOf : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        SyntheticPortfolio portfolio = new SyntheticPortfolio(seed, day, withHistory);
        long started = System.nanoTime();
        try (Writer target = open(stdout)) {
            portfolio.write(target, chosen, cases);
        } catch (IOException | InvalidPathException e) {
            return fail(err, "cannot write " + out + ": " + e.getMessage());
        }
        if (followUp != null) {
            try (Writer target = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(followUp)),
                    StandardCharsets.UTF_8), 1 << 16)) {
                new FollowUpFile(seed, strategy, day, followUpDays).write(portfolio.cases(cases), target);
            } catch (IOException | InvalidPathException e) {
                return fail(err, "cannot write " + followUp + ": " + e.getMessage());
            }
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        err.println(String.format(Locale.ROOT, "generate: %,d cases as of %s to %s in %.1f s (%,.0f cases/s)", cases, day,
                stdout ? "stdout" : out, seconds, cases / seconds));
        err.flush();
        return ImportCommand.OK;
    }

    private Writer open(boolean stdout) throws IOException {
        if (stdout) {
            // Flushed and left open: stdout belongs to the process.
            return new BufferedWriter(spec.commandLine().getOut(), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(out)), StandardCharsets.UTF_8), 1 << 16);
    }

    private static int fail(PrintWriter err, String message) {
        err.println("generate: " + message);
        err.flush();
        return ImportCommand.FATAL;
    }
}

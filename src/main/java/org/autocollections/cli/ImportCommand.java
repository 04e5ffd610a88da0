package org.autocollections.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.autocollections.api.Problem;
import org.autocollections.audit.DatabaseUnavailableException;
import org.autocollections.portfolio.ImportFormat;
import org.autocollections.portfolio.ImportProgress;
import org.autocollections.portfolio.ImportSummary;
import org.autocollections.portfolio.InvalidPortfolioException;
import org.autocollections.portfolio.PortfolioImporter;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code import --file cases.jsonl}: the portfolio import of POST /api/v1/cases/import, from a file into the
 * configured database. Prints the same summary on stdout; exit code 0 when every line was imported, 2 when some
 * were refused, 1 when the import could not run (no file, a CSV header that names no field, no database).
 */
@Command(name = "import", sortOptions = false,
        description = { "Import a portfolio of cases into the configured database, as POST /api/v1/cases/import does.",
                "Prints the summary as JSON on stdout and progress on stderr.",
                "Exit code: 0 every line imported, 2 some lines refused, 1 the import could not run." })
public class ImportCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FATAL = 1;
    static final int SOME_FAILED = 2;

    @Option(names = { "-f", "--file" }, required = true, paramLabel = "FILE",
            description = "The portfolio: JSON Lines (.jsonl, .ndjson) or CSV (.csv), optionally gzipped (.gz); - reads stdin.")
    String file;

    @Option(names = "--format", paramLabel = "jsonl|csv",
            description = "The file's format; by default from its extension.")
    String format;

    @Option(names = "--charset", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Character set of a CSV file (default: ${DEFAULT-VALUE}); JSON Lines is always UTF-8.")
    String charset;

    @Option(names = "--no-progress", description = "No progress line on stderr.")
    boolean noProgress;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Inject
    PortfolioImporter importer;

    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        ImportFormat chosen = format != null ? ImportFormat.ofName(format).orElse(null)
                : ImportFormat.ofFileName(file).orElse(null);
        if (chosen == null) {
            err.println(format != null ? "import: unknown --format " + format + "; use jsonl or csv"
                    : "import: cannot tell the format of " + file + " from its name; add --format jsonl or --format csv");
            err.flush();
            return FATAL;
        }
        Charset encoding;
        try {
            encoding = Charset.forName(charset);
        } catch (IllegalArgumentException e) {
            err.println("import: unknown --charset " + charset);
            err.flush();
            return FATAL;
        }

        boolean stdin = file.equals("-");
        long size = -1;
        CountingStream counted;
        try {
            Path path = Path.of(file);
            size = stdin ? -1 : Files.size(path);
            counted = new CountingStream(stdin ? System.in : Files.newInputStream(path));
        } catch (NoSuchFileException e) {
            err.println("import: no such file: " + file);
            err.flush();
            return FATAL;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            err.println("import: cannot read " + file + ": " + e.getMessage());
            err.flush();
            return FATAL;
        }

        ImportProgress progress = new ImportProgress();
        ProgressLine line = noProgress ? null : ProgressLine.start(err, progress, counted.count, size);
        ImportSummary summary;
        try (InputStream in = open(counted)) {
            summary = importer.importFrom(in, chosen, encoding, progress);
        } catch (InvalidPortfolioException e) {
            stop(line, false);
            err.println("import: " + e.getMessage());
            if (e.problem().errors() != null) {
                for (Problem.FieldError f : e.problem().errors()) {
                    err.println("  " + f.field() + ": " + f.message());
                }
            }
            err.flush();
            return FATAL;
        } catch (DatabaseUnavailableException e) {
            stop(line, false);
            err.println("import: the database is not available (" + rootMessage(e) + "); " + progress.stored()
                    + " cases were stored before it went away, and importing the file again is safe.");
            err.flush();
            return FATAL;
        } catch (IOException | RuntimeException e) {
            stop(line, false);
            err.println("import: failed after " + progress.read() + " lines: " + rootMessage(e));
            err.flush();
            return FATAL;
        }
        stop(line, true);
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        out.flush();
        return summary.complete() ? OK : SOME_FAILED;
    }

    private InputStream open(CountingStream counted) throws IOException {
        InputStream in = new BufferedInputStream(counted, 64 * 1024);
        return file.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    private static void stop(ProgressLine line, boolean finished) {
        if (line != null) {
            line.stop(finished);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Counts the bytes read from the file, for the progress line's percentage. */
    static final class CountingStream extends FilterInputStream {
        final AtomicLong count = new AtomicLong();

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}

package org.autocollections.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.autocollections.scoring.RunProgress;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a score command on stderr: a progress bar with the rate and the time left on a terminal; plain
 * lines every thirty seconds otherwise (a Kubernetes Job's log, a file), which a log collector reads well.
 */
final class ScoreProgress implements AutoCloseable {

    private final RunProgress progress;
    private final PrintWriter err;
    private final Thread thread;
    private ProgressBar bar;

    private ScoreProgress(RunProgress progress, PrintWriter err, boolean terminal) {
        this.progress = progress;
        this.err = err;
        this.thread = new Thread(terminal ? this::drawBar : this::logLines, "score-progress");
        this.thread.setDaemon(true);
    }

    static ScoreProgress start(RunProgress progress, PrintWriter err) {
        ScoreProgress shown = new ScoreProgress(progress, err, stderrIsTerminal());
        shown.thread.start();
        return shown;
    }

    /**
     * Whether stderr is a terminal. {@code System.console()} answers for stdin and stdout, and stdout is usually
     * redirected to keep the summary; so ask the shell ({@code test -t 2}), and where there is none, the console.
     */
    static boolean stderrIsTerminal() {
        try {
            Process test = new ProcessBuilder("sh", "-c", "[ -t 2 ]").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return test.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) && test.exitValue() == 0;
        } catch (java.io.IOException e) {
            return System.console() != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void drawBar() {
        try {
            while (progress.total() < 0) {
                Thread.sleep(200);
            }
            bar = new ProgressBarBuilder().setTaskName("score").setInitialMax(progress.total())
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" cases", 1).showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250).continuousUpdate()
                    .startsFrom(progress.done(), Duration.ZERO).build();
            while (!Thread.currentThread().isInterrupted()) {
                bar.stepTo(progress.done());
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void logLines() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(30_000);
                line();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void line() {
        long total = progress.total();
        long eta = progress.etaSeconds();
        String text = String.format(Locale.ROOT, "score %s: %,d of %s cases (%s), %,.0f cases/s, %s left",
                progress.runId(), progress.done(), total < 0 ? "?" : String.format(Locale.ROOT, "%,d", total),
                total <= 0 ? "?" : String.format(Locale.ROOT, "%.1f%%", progress.done() * 100.0 / total),
                progress.rate(), eta < 0 ? "?" : Duration.ofSeconds(eta).toString().substring(2).toLowerCase(Locale.ROOT));
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (bar != null) {
            bar.stepTo(progress.done());
            bar.close();
        } else if (progress.elapsedSeconds() > 1) {
            line();
        }
    }
}

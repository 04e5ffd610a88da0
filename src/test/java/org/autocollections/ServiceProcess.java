package org.autocollections;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar started as a process by an integration test, in its {@link JarWorkspace}. Its output goes
 * to a file, never to a pipe that the test would have to keep reading lest the process block on it.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://[^\\s\"]+)");
    private static final long START_MINUTES = 5;
    private static final long POLL_MILLIS = 200;

    private final Process process;
    private final Path output;

    private ServiceProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** {@code java [properties] -jar quarkus-run.jar [args]}, to be run in the workspace's folder on its database. */
    public static ProcessBuilder command(JarWorkspace workspace, List<String> properties, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // Production's 3 s is for failing fast while the database is away, which no test here is about; on a busy
        // machine even opening an H2 file can take longer.
        command.add("-Dquarkus.datasource.jdbc.acquisition-timeout=30S");
        // As the test JVMs (pom.xml): a service that lives seconds spends less CPU with the first JIT tier and the
        // parallel collector; neither changes what it does.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseParallelGC");
        // Every start of the jar in a run shares one folder of compiled rulesets: only the first compiles the policy.
        command.add("-Dcollections.policy.cache-dir=" + Path.of("target/ruleset-cache-packaged").toAbsolutePath());
        command.addAll(properties);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return workspace.database().configure(new ProcessBuilder(command).directory(workspace.dir().toFile()));
    }

    /** Starts the service (no command: serve) on a free port, its stdout and stderr into {@code name.log}. */
    public static ServiceProcess start(JarWorkspace workspace, String name, String... properties) throws IOException {
        List<String> all = new ArrayList<>(List.of("-Dquarkus.http.port=0"));
        all.addAll(List.of(properties));
        Path output = workspace.dir().resolve(name + ".log");
        return new ServiceProcess(command(workspace, all).redirectErrorStream(true).redirectOutput(output.toFile()).start(),
                output);
    }

    /**
     * Waits, at most five minutes (the ruleset compiles at start, slowly on a busy machine), for the service to say
     * where it listens and then to be ready (its readiness check UP: a ruleset active and the database answering).
     * Returns its base URL on 127.0.0.1.
     */
    public String awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(START_MINUTES);
        String base = null;
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (base == null) {
                Matcher m = LISTENING.matcher(output());
                base = m.find() ? m.group(1).replace("0.0.0.0", "127.0.0.1") : null;
            }
            if (base != null && http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return base;
            }
            // Returns at once if the process ends: a service that fails to start is reported without waiting.
            process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the service did not become ready:\n" + output());
    }

    /** Everything the process has written so far. */
    public String output() throws IOException {
        return Files.readString(output);
    }

    public Process process() {
        return process;
    }

    /** Stops the service as an operator does (SIGTERM), and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

package org.autocollections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service as an operator runs it: {@code java -jar} from any folder, with the policy bundled or
 * pointed at by configuration.
 */
class PackagedServiceIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

    private static ProcessBuilder service(Path workDir, String... properties) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Dquarkus.http.port=0");
        command.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + workDir.resolve("db").toAbsolutePath());
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", JAR.toString()));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    }

    @Test
    void runsFromAnyFolderWithTheBundledPolicy(@TempDir Path workDir) throws Exception {
        Process process = service(workDir).start();
        try {
            String base = awaitListening(process);
            assertThat(get(base + "/api/v1/rulesets/active", null).statusCode()).as("no token").isEqualTo(401);
            // As the README says: the jar mints a token with the key the service made on its first start.
            String token = tokenCommand(workDir, "servicer");
            HttpResponse<String> active = get(base + "/api/v1/rulesets/active", token);
            assertThat(active.statusCode()).isEqualTo(200);
            assertThat(active.body()).contains("bundled with the service").contains("decision-tables/overdue-buckets.drl.csv");

            HttpResponse<String> decision = decideExample(base, token);
            assertThat(decision.statusCode()).isEqualTo(200);
            assertThat(decision.body()).contains("\"bucket\":\"M2\"");
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDecisionRecordSurvivesARestart(@TempDir Path workDir) throws Exception {
        String decisionId;
        Process first = service(workDir).start();
        try {
            String base = awaitListening(first);
            HttpResponse<String> decision = decideExample(base, Tokens.local(workDir.resolve("data/keys"), Roles.SERVICER));
            assertThat(decision.statusCode()).isEqualTo(200);
            Matcher id = Pattern.compile("\"decisionId\":\"([0-9a-f-]+)\"").matcher(decision.body());
            assertThat(id.find()).isTrue();
            decisionId = id.group(1);
        } finally {
            first.destroy();
            first.waitFor(30, TimeUnit.SECONDS);
        }

        Process second = service(workDir).start();
        try {
            String base = awaitListening(second);
            HttpResponse<String> record = get(base + "/api/v1/decisions/" + decisionId,
                    Tokens.local(workDir.resolve("data/keys"), Roles.AUDITOR));
            assertThat(record.statusCode()).isEqualTo(200);
            assertThat(record.body()).contains(decisionId).contains("\"caseId\":\"CASE-1\"");
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesToStartOnABrokenTableNamingTheCell(@TempDir Path workDir) throws Exception {
        Path tables = Files.createDirectories(workDir.resolve("decision-tables"));
        for (Path table : Files.list(Path.of("decision-tables")).toList()) {
            Files.copy(table, tables.resolve(table.getFileName()));
        }
        Path buckets = tables.resolve("overdue-buckets.drl.csv");
        Files.writeString(buckets, Files.readString(buckets).replace("61,90,M3", "61,9O,M3"));

        Process process = service(workDir, "-Dcollections.policy.rules-dir=" + Path.of("rules").toAbsolutePath(),
                "-Dcollections.policy.tables-dir=" + tables).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the service exits").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("decision-tables/overdue-buckets.drl.csv, sheet csv, cell B13");
    }

    /** Operators switch the console to JSON lines, one object per line, for a log shipper (docs/operations.md). */
    @Test
    void jsonLogsOnDemand(@TempDir Path workDir) throws Exception {
        Path log = workDir.resolve("console.log");
        Process process = service(workDir, "-Dquarkus.log.console.json.enabled=true").redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            Matcher listening = null;
            while (System.nanoTime() < deadline && process.isAlive()) {
                listening = Pattern.compile("Listening on: (http://[^\\s\"]+)").matcher(Files.readString(log));
                if (listening.find()) {
                    break;
                }
                listening = null;
                Thread.sleep(200);
            }
            assertThat(listening).as("the service started:%n%s", Files.readString(log)).isNotNull();
            String base = listening.group(1).replace("0.0.0.0", "127.0.0.1");
            HttpResponse<String> decision = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/decisions")).header("Content-Type", "application/json")
                    .header("X-Request-Id", "json-log-1")
                    .header("Authorization", Tokens.bearer(Tokens.local(workDir.resolve("data/keys"), Roles.SERVICER)))
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("docs/examples/case-m2.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(decision.statusCode()).isEqualTo(200);
            assertThat(decision.headers().firstValue("X-Request-Id")).contains("json-log-1");

            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                var node = json.readTree(line);
                assertThat(node.has("level") && node.has("message") && node.has("mdc")).as(line).isTrue();
            }
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", Tokens.bearer(token));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code java -jar quarkus-run.jar token --role ROLE}, run in the service's folder. */
    private static String tokenCommand(Path workDir, String role) throws Exception {
        Process token = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString(), "token", "--role", role)
                .directory(workDir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(token.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(token.exitValue()).isZero();
        return out;
    }

    private static HttpResponse<String> decideExample(String base, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions"))
                        .header("Content-Type", "application/json").header("Authorization", Tokens.bearer(token))
                        .POST(HttpRequest.BodyPublishers.ofFile(Path.of("docs/examples/case-m2.json"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String awaitListening(Process process) throws IOException {
        return ServiceProcess.awaitListening(process);
    }
}

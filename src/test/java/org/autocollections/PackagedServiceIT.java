package org.autocollections;

import static org.assertj.core.api.Assertions.assertThat;
import org.autocollections.DatabaseFree;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.autocollections.security.LocalKeys;
import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged service as an operator runs it: {@code java -jar} from any folder, with the policy bundled or
 * pointed at by configuration, on the database of the test pass, stopped and started again.
 */
class PackagedServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final JarWorkspace workspace = new JarWorkspace();

    @Test
    @DatabaseFree
    void runsFromAnyFolderWithTheBundledPolicy() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workspace, "service")) {
            String base = service.awaitReady();
            assertThat(get(base + "/api/v1/rulesets/active", null).statusCode()).as("no token").isEqualTo(401);
            // As the README says: the jar mints a token with the key the service made on its first start.
            String token = tokenCommand("servicer");
            HttpResponse<String> active = get(base + "/api/v1/rulesets/active", token);
            assertThat(active.statusCode()).isEqualTo(200);
            assertThat(active.body()).contains("bundled with the service").contains("decision-tables/overdue-buckets.drl.csv");

            HttpResponse<String> decision = decideExample(base, token);
            assertThat(decision.statusCode()).isEqualTo(200);
            assertThat(decision.body()).contains("\"bucket\":\"M2\"");
        }
    }

    /**
     * The process stopped and started again on the same database serves the version last activated, whatever order
     * the versions were compiled in (an approved change, a rollback and a re-activation), and still holds the
     * decisions made before.
     */
    @Test
    void theActiveVersionAndTheDecisionRecordsSurviveARestart() throws Exception {
        String draft;
        String decisionId;
        try (ServiceProcess first = ServiceProcess.start(workspace, "first")) {
            String base = first.awaitReady();
            String shipped = activeVersion(base);
            // two people: the approver of a draft may not be its author
            String analyst = Tokens.claims(Roles.ANALYST).subject("ana").upn("ana").sign(LocalKeys.privateKey(keys()));
            String approver = Tokens.claims(Roles.APPROVER).subject("bob").upn("bob").sign(LocalKeys.privateKey(keys()));
            String table = Files.readString(Path.of("decision-tables/penalty-interest.drl.csv"))
                    .replace("penalty.rateMultiplier,1.5,", "penalty.rateMultiplier,1.8,");
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/rulesets/drafts"))
                    .header("Authorization", Tokens.bearer(analyst)), multipart("penalty-interest.drl.csv", table));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode drafted = JSON.readTree(created.body()).path("draft");
            draft = drafted.path("version").asText();
            String steps = base + "/api/v1/rulesets/drafts/" + drafted.path("id").asLong();
            assertThat(post(steps + "/approve", approver).statusCode()).isEqualTo(200);
            assertThat(post(steps + "/activate", approver).statusCode()).isEqualTo(200);
            // back and forth: the shipped version is rebuilt after the draft was compiled, then the draft returns
            assertThat(post(base + "/api/v1/rulesets/" + shipped + "/activate", approver).statusCode()).isEqualTo(200);
            assertThat(post(base + "/api/v1/rulesets/" + draft + "/activate", approver).statusCode()).isEqualTo(200);
            assertThat(activeVersion(base)).isEqualTo(draft).isNotEqualTo(shipped);

            HttpResponse<String> decision = decideExample(base, Tokens.local(keys(), Roles.SERVICER));
            assertThat(decision.statusCode()).isEqualTo(200);
            decisionId = JSON.readTree(decision.body()).path("decisionId").asText();
            assertThat(JSON.readTree(decision.body()).path("rulesetVersion").asText()).isEqualTo(draft);
        }

        try (ServiceProcess second = ServiceProcess.start(workspace, "second")) {
            String base = second.awaitReady();
            assertThat(activeVersion(base)).as("served after the restart").isEqualTo(draft);
            HttpResponse<String> record = get(base + "/api/v1/decisions/" + decisionId, Tokens.local(keys(), Roles.AUDITOR));
            assertThat(record.statusCode()).isEqualTo(200);
            assertThat(record.body()).contains(decisionId).contains("\"caseId\":\"CASE-1\"");
        }
    }

    @Test
    @DatabaseFree
    void refusesToStartOnABrokenTableNamingTheCell() throws Exception {
        Path tables = Files.createDirectories(workspace.dir().resolve("decision-tables"));
        for (Path table : Files.list(Path.of("decision-tables")).toList()) {
            Files.copy(table, tables.resolve(table.getFileName()));
        }
        Path buckets = tables.resolve("overdue-buckets.drl.csv");
        Files.writeString(buckets, Files.readString(buckets).replace("61,90,M3", "61,9O,M3"));

        try (ServiceProcess service = ServiceProcess.start(workspace, "broken", "-Dcollections.policy.rules-dir=" + Path.of("rules").toAbsolutePath(),
                "-Dcollections.policy.tables-dir=" + tables)) {
            assertThat(service.process().waitFor(120, TimeUnit.SECONDS)).as("the service exits").isTrue();
            assertThat(service.process().exitValue()).isNotZero();
            assertThat(service.output()).contains("decision-tables/overdue-buckets.drl.csv, sheet csv, cell B13");
        }
    }

    /** Operators switch the console to JSON lines, one object per line, for a log shipper (docs/operations.md). */
    @Test
    @DatabaseFree
    void jsonLogsOnDemand() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(workspace, "json", "-Dquarkus.log.console.json.enabled=true")) {
            String base = service.awaitReady();
            HttpResponse<String> decision = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/decisions")).header("Content-Type", "application/json")
                    .header("X-Request-Id", "json-log-1")
                    .header("Authorization", Tokens.bearer(Tokens.local(keys(), Roles.SERVICER)))
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("docs/examples/case-m2.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(decision.statusCode()).isEqualTo(200);
            assertThat(decision.headers().firstValue("X-Request-Id")).contains("json-log-1");

            List<String> lines = service.output().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.has("level") && node.has("message") && node.has("mdc")).as(line).isTrue();
            }
        }
    }

    private Path keys() {
        return workspace.dir().resolve("data/keys");
    }

    private String activeVersion(String base) throws Exception {
        HttpResponse<String> active = get(base + "/api/v1/rulesets/active", Tokens.local(keys(), Roles.SERVICER));
        return JSON.readTree(active.body()).path("version").asText();
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", Tokens.bearer(token));
        }
        return send(request, HttpRequest.BodyPublishers.noBody(), "GET");
    }

    private static HttpResponse<String> post(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", Tokens.bearer(token)),
                HttpRequest.BodyPublishers.noBody(), "POST");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, HttpRequest.BodyPublisher body, String method)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Multipart body) throws IOException, InterruptedException {
        return send(request.header("Content-Type", body.contentType()), body.publisher(), "POST");
    }

    private record Multipart(String contentType, HttpRequest.BodyPublisher publisher) {
    }

    /** One file in the {@code files} field of a multipart/form-data body, as the analyst's upload sends it. */
    private static Multipart multipart(String fileName, String content) {
        String boundary = "----collections-it-" + System.nanoTime();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"files\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return new Multipart("multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** {@code java -jar quarkus-run.jar token --role ROLE}, run in the service's folder. */
    private String tokenCommand(String role) throws Exception {
        Path out = workspace.dir().resolve("token.txt");
        Process token = ServiceProcess.command(workspace, List.of(), "token", "--role", role)
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(token.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(token.exitValue()).isZero();
        return Files.readString(out).trim();
    }

    private static HttpResponse<String> decideExample(String base, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions"))
                        .header("Content-Type", "application/json").header("Authorization", Tokens.bearer(token)),
                HttpRequest.BodyPublishers.ofFile(Path.of("docs/examples/case-m2.json")), "POST");
    }
}

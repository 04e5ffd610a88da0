package org.autocollections.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import org.autocollections.DatabaseFree;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.autocollections.JarWorkspace;
import org.autocollections.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The packaged jar's {@code import} command, as an operator runs it: beside the running service, on the same
 * database, without taking an HTTP port.
 */
class PortfolioImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
        JsonNode summary() throws IOException {
            return JSON.readTree(out);
        }
    }

    @RegisterExtension
    final JarWorkspace workspace = new JarWorkspace();

    private Run cli(List<String> properties, String... args) throws Exception {
        Path out = Files.createTempFile(workspace.dir(), "stdout", ".txt");
        Path err = Files.createTempFile(workspace.dir(), "stderr", ".txt");
        Process process = ServiceProcess.command(workspace, properties, args)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the command did not end:\n" + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void importsAFileIntoTheDatabaseOfARunningServiceWithoutTakingAPort() throws Exception {
        // One database shared by two processes: the service, and the command beside it.
        try (ServiceProcess service = ServiceProcess.start(workspace, "service")) {
            int port = URI.create(service.awaitReady()).getPort();

            StringBuilder jsonl = new StringBuilder();
            for (int i = 1; i <= 3; i++) {
                jsonl.append(Portfolios.line("CLI-" + i)).append('\n');
            }
            ObjectNode bad = Portfolios.storedCase("CLI-BAD");
            ((ObjectNode) bad.get("loan")).remove("outstandingBalance");
            jsonl.append(bad).append('\n');
            Files.writeString(workspace.dir().resolve("portfolio.jsonl"), jsonl);

            // The service's own port is given to the command too: it would fail to start if it listened.
            Run run = cli(List.of("-Dquarkus.http.port=" + port), "import", "--file", "portfolio.jsonl");
            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            JsonNode summary = run.summary();
            assertThat(summary.get("imported").asInt()).isEqualTo(3);
            assertThat(summary.get("created").asInt()).isEqualTo(3);
            assertThat(summary.get("failed").asInt()).isEqualTo(1);
            assertThat(summary.at("/errors/0/line").asInt()).isEqualTo(4);
            assertThat(summary.at("/errors/0/caseId").asText()).isEqualTo("CLI-BAD");
            assertThat(summary.at("/errors/0/problem/errors/0/field").asText()).isEqualTo("loan.outstandingBalance");

            HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/cases/CLI-2")).header("Authorization",
                    org.autocollections.security.Tokens.bearer(org.autocollections.security.Tokens.local(
                            workspace.dir().resolve("data/keys"), org.autocollections.security.Roles.SERVICER))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(stored.body()).at("/caseData/loan/outstandingBalance").decimalValue())
                    .isEqualByComparingTo("86000.00");

            // CSV, told by the extension; all good: exit code 0, and the case already stored is only updated.
            Files.writeString(workspace.dir().resolve("portfolio.csv"), String.join("\n",
                    "caseId,jurisdiction,borrower.timeZone,borrower.flags,loan.outstandingBalance,loan.overdueAmount,"
                            + "loan.oldestUnpaidDueDate,loan.arbitrationClause",
                    "CLI-2,CN,Asia/Shanghai,DISPUTE_OPEN;WILFUL_DEFAULT,50000.00,3000.00,2026-10-15,false",
                    "CLI-CSV,US,America/Chicago,,12000.00,800.00,2026-09-20,true", ""));
            run = cli(List.of("-Dquarkus.http.port=" + port), "import", "--file", "portfolio.csv");
            assertThat(run.exit()).as(run.err()).isZero();
            summary = run.summary();
            assertThat(summary.get("created").asInt()).isEqualTo(1);
            assertThat(summary.get("updated").asInt()).isEqualTo(1);
            assertThat(summary.get("failed").asInt()).isZero();
        }
    }

    @Test
    @DatabaseFree
    void aFileThatCannotBeReadIsAFatalError() throws Exception {
        Run run = cli(List.of(), "import", "--file", "no-such-portfolio.jsonl");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no such file: no-such-portfolio.jsonl");
        assertThat(run.out()).isEmpty();
    }
}

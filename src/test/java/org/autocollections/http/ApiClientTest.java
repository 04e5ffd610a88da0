package org.autocollections.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.autocollections.client.ApiClient;
import org.autocollections.client.ApiException;
import org.autocollections.client.api.DecisionsApi;
import org.autocollections.client.api.RulesetLifecycleApi;
import org.autocollections.client.api.StoredCasesApi;
import org.autocollections.client.model.BatchRequest;
import org.autocollections.client.model.BatchResponse;
import org.autocollections.client.model.CollectionCase;
import org.autocollections.client.model.CompactDecision;
import org.autocollections.client.model.ContactChannel;
import org.autocollections.client.model.ContactLog;
import org.autocollections.client.model.ContactOutcome;
import org.autocollections.client.model.Decision;
import org.autocollections.client.model.DraftStatus;
import org.autocollections.client.model.DraftView;
import org.autocollections.client.model.NextActionType;
import org.autocollections.client.model.Note;
import org.autocollections.client.model.PageDecisionSummary;
import org.autocollections.client.model.Problem;
import org.autocollections.client.model.StoredView;
import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The README's example through a client generated from docs/openapi.yaml (OpenAPI Generator, Java, native library,
 * default options; pom.xml), as a lender's integration team would write it: what compiles and what it reads back is
 * what the contract gives them.
 */
@QuarkusTest
class ApiClientTest {

    @TestHTTPResource("/")
    URL service;

    private ApiClient client;

    @BeforeEach
    void connect() {
        String token = Tokens.of(Roles.ALL);
        client = new ApiClient();
        client.updateBaseUri(service.toString().replaceFirst("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    private CollectionCase example(String caseId) throws Exception {
        CollectionCase example = client.getObjectMapper().readValue(Path.of("docs/examples/case-m2.json").toFile(),
                CollectionCase.class);
        return example.caseId(caseId);
    }

    @Test
    void decidesTheReadmeExample() throws Exception {
        var answer = new DecisionsApi(client).decide(example("CLIENT-1"), null, null);

        CompactDecision decision = answer.getCompactDecision();
        assertThat(decision.getCaseId()).isEqualTo("CLIENT-1");
        assertThat(decision.getOverdue().getBucket()).isEqualTo("M2");
        assertThat(decision.getNextAction().getType()).isEqualTo(NextActionType.OFFER_REPAYMENT_PLAN);
        assertThat(decision.getReasons()).containsKey("OVERDUE");

        Decision full = new DecisionsApi(client).decide(example("CLIENT-1"), "zh-CN", "full").getDecision();
        assertThat(full.getRulesFired()).isNotEmpty();
        assertThat(full.getReasons()).allSatisfy(reason -> assertThat(reason.getMessage()).containsPattern("\\p{IsHan}"));
    }

    @Test
    void decidesABatchInRequestOrder() throws Exception {
        BatchResponse batch = new DecisionsApi(client).decideBatch(
                new BatchRequest().cases(List.of(example("CLIENT-B1"), example("CLIENT-B2"))), null, null);

        assertThat(batch.getDecided()).isEqualTo(2);
        assertThat(batch.getFailed()).isZero();
        assertThat(batch.getResults()).extracting(entry -> entry.getCaseId()).containsExactly("CLIENT-B1", "CLIENT-B2");
        assertThat(batch.getResults()).allSatisfy(entry -> {
            assertThat(entry.getDecision().getCompactDecision().getOverdue().getBucket()).isEqualTo("M2");
            assertThat(entry.getDecision().getCompactDecision().getRulesetVersion()).isEqualTo(batch.getRulesetVersion());
        });
    }

    @Test
    void storesACaseLogsItsHistoryAndDecidesIt() throws Exception {
        StoredCasesApi cases = new StoredCasesApi(client);
        CollectionCase stored = example("CLIENT-S1").history(null);

        StoredView view = cases.storeCase("CLIENT-S1", stored);
        assertThat(view.getCaseId()).isEqualTo("CLIENT-S1");
        assertThat(view.getCaseData()).isInstanceOf(java.util.Map.class);
        ContactLog call = new ContactLog().attemptId("CLIENT-CALL-1").at(stored.getAsOf().minusDays(2))
                .channel(ContactChannel.PHONE).outcome(ContactOutcome.CONTACTED);
        assertThat(cases.logContact("CLIENT-S1", call).getAttemptId()).isEqualTo("CLIENT-CALL-1");

        CompactDecision decision = cases.decideStoredCase("CLIENT-S1", stored.getAsOf().toString(), null, null)
                .getCompactDecision();
        assertThat(decision.getOverdue().getBucket()).isEqualTo("M2");
        assertThat(decision.getNextAction().getType()).isNotNull();

        PageDecisionSummary history = cases.listCaseDecisions("CLIENT-S1", null, null);
        assertThat(history.getTotal()).isEqualTo(1);
        assertThat(history.getItems().get(0).getDecisionId()).isEqualTo(decision.getDecisionId());
        assertThat(history.getItems().get(0).getNextAction()).isEqualTo(decision.getNextAction().getType().getValue());
    }

    @Test
    void anErrorReadsAsAProblem() throws Exception {
        ApiException missing = catchThrowableOfType(ApiException.class,
                () -> new StoredCasesApi(client).getCase("CLIENT-NEVER-STORED"));

        assertThat(missing.getCode()).isEqualTo(404);
        Problem problem = client.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).contains("CLIENT-NEVER-STORED");
    }

    @Test
    void uploadsAnEditedTableAsADraft() throws Exception {
        Path table = Files.createTempDirectory("client-draft").resolve("penalty-interest.drl.csv");
        Files.writeString(table, Files.readString(Path.of("decision-tables", "penalty-interest.drl.csv"))
                .replace("penalty.rateMultiplier,1.5,", "penalty.rateMultiplier,1.6,"), StandardCharsets.UTF_8);
        RulesetLifecycleApi lifecycle = new RulesetLifecycleApi(client);

        DraftView draft = lifecycle.uploadDraft(List.<File>of(table.toFile()), "1.6 times the contract rate");
        assertThat(draft.getDraft().getId()).isPositive();
        assertThat(draft.getDraft().getStatus()).isEqualTo(DraftStatus.VALIDATED);
        assertThat(draft.getDraft().getNote()).isEqualTo("1.6 times the contract rate");
        assertThat(draft.getFiles()).anySatisfy(file -> {
            assertThat(file.getPath()).endsWith("penalty-interest.drl.csv");
            assertThat(file.getUploaded()).isTrue();
        });

        // withdrawn again, so that no other test meets an open draft
        DraftView withdrawn = lifecycle.rejectDraft(String.valueOf(draft.getDraft().getId()), new Note().note("tried"));
        assertThat(withdrawn.getDraft().getStatus()).isEqualTo(DraftStatus.REJECTED);
    }
}

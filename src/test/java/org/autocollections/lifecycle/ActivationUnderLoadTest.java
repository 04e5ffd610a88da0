package org.autocollections.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.autocollections.lifecycle.PolicyEdits.ANALYST;
import static org.autocollections.lifecycle.PolicyEdits.APPROVER;
import static org.autocollections.lifecycle.PolicyEdits.PENALTY;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.autocollections.Cases;
import org.autocollections.security.Roles;
import org.autocollections.security.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Activation and rollback while decisions are being made: no request fails, and each decision is wholly the old
 * version's or wholly the new one's (its penalty is the one its named version computes, never a mix).
 */
@QuarkusTest
class ActivationUnderLoadTest {

    private static final int CLIENTS = 4;
    private static final int SWAPS = 6;
    /** Decisions answered between two swaps, so every swap happens with requests in flight. */
    private static final int DECISIONS_BETWEEN_SWAPS = 40;

    @RegisterExtension
    final ServingVersionRestored serving = new ServingVersionRestored();

    @TestHTTPResource("/api/v1/decisions")
    URL decisions;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noDecisionFailsOrMixesVersionsWhileTheRulesetIsSwapped() throws Exception {
        String shipped = serving.version();
        String oldPenalty = penaltyNow();
        long id = PolicyEdits.upload(ANALYST, PENALTY, PolicyEdits.penaltyMultiplier("4.0")).statusCode(201)
                .extract().jsonPath().getLong("draft.id");
        String draft = given().get("/api/v1/rulesets/drafts/" + id).then().extract().path("draft.version");
        PolicyEdits.step(APPROVER, id, "approve").statusCode(200);

        HttpClient http = HttpClient.newHttpClient();
        String token = Tokens.bearer(Tokens.of(Roles.SERVICER));
        HttpRequest request = HttpRequest.newBuilder(decisions.toURI()).header("Authorization", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Cases.example().toString())).build();
        AtomicBoolean running = new AtomicBoolean(true);
        java.util.concurrent.Semaphore answered = new java.util.concurrent.Semaphore(0);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, String> penaltyByVersion = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> countByVersion = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> loops = new java.util.ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            loops.add(clients.submit(() -> {
                while (running.get()) {
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            failures.add(response.statusCode() + " " + response.body());
                        } else {
                            JsonNode decision = JSON.readTree(response.body());
                            String version = decision.path("rulesetVersion").asText();
                            String penalty = decision.path("overdue").path("penaltyInterest").asText();
                            countByVersion.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
                            String first = penaltyByVersion.putIfAbsent(version, penalty);
                            if (first != null && !first.equals(penalty)) {
                                failures.add("version " + version + " gave penalty " + penalty + " and " + first);
                            }
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                    answered.release();
                }
                return null;
            }));
        }
        try {
            for (int swap = 0; swap < SWAPS; swap++) {
                awaitMore(answered, DECISIONS_BETWEEN_SWAPS);
                if (swap == 0) {
                    PolicyEdits.step(APPROVER, id, "activate").statusCode(200);
                } else {
                    String target = swap % 2 == 0 ? draft : shipped;
                    given().header("Authorization", APPROVER).post("/api/v1/rulesets/" + target + "/activate")
                            .then().statusCode(200);
                }
            }
            awaitMore(answered, DECISIONS_BETWEEN_SWAPS);
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
            clients.shutdown();
        }

        assertThat(failures).isEmpty();
        assertThat(countByVersion.keySet()).containsExactlyInAnyOrder(shipped, draft);
        assertThat(penaltyByVersion.get(shipped)).isEqualTo(oldPenalty);
        assertThat(new java.math.BigDecimal(penaltyByVersion.get(draft)))
                .isGreaterThan(new java.math.BigDecimal(oldPenalty).multiply(java.math.BigDecimal.valueOf(2)));
    }

    /** Waits until the clients have had this many more answers: progress is counted, not timed. */
    private static void awaitMore(java.util.concurrent.Semaphore answered, int more) throws InterruptedException {
        answered.drainPermits();
        answered.acquire(more);
    }

    private static String penaltyNow() {
        return given().contentType(ContentType.JSON).body(Cases.example().toString()).post("/api/v1/decisions")
                .then().statusCode(200).extract().jsonPath().getString("overdue.penaltyInterest");
    }
}

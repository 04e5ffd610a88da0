package org.autocollections.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.autocollections.Cases;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Single decisions asked at the same time share their commits, and still each one is answered only with its record
 * committed: all answered and all recorded under load, and a database cut while decisions are queued gives their
 * callers 503, never a decision without its record.
 */
@QuarkusTest
@TestProfile(ThroughProxy.class)
class GroupCommitServiceTest {

    private static Response decide(String caseId) {
        return given().contentType(ContentType.JSON).body(Cases.withDueDate(caseId, "2026-10-15").toString())
                .post("/api/v1/decisions");
    }

    @Test
    void decisionsAskedTogetherAreAllAnsweredAndAllRecorded() throws Exception {
        int n = 48;
        String run = "GC-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        ExecutorService clients = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String caseId = run + i;
                answers.add(clients.submit(() -> {
                    start.await();
                    return decide(caseId);
                }));
            }
            start.countDown();
            for (int i = 0; i < n; i++) {
                Response r = answers.get(i).get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as("decision %d", i).isEqualTo(200);
                String id = r.path("decisionId");
                given().get("/api/v1/decisions/" + id).then().statusCode(200);
                given().get("/api/v1/cases/" + run + i + "/decisions").then().statusCode(200)
                        .body("total", org.hamcrest.Matchers.equalTo(1));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aDatabaseCutWhileDecisionsQueueGivesTheirCallers503AndNoDecisionWithoutItsRecord() throws Exception {
        int clientsCount = 16;
        String run = "GCX-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, Integer> status = new ConcurrentHashMap<>();
        Map<String, String> decisionIds = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch underWay = new CountDownLatch(clientsCount * 2);
        ExecutorService clients = Executors.newFixedThreadPool(clientsCount);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clientsCount; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                // each client decides until the cut reaches it, at most 40 times
                for (int i = 0; i < 40; i++) {
                    String caseId = run + client + "-" + i;
                    Response r = decide(caseId);
                    status.put(caseId, r.statusCode());
                    if (r.statusCode() == 200) {
                        decisionIds.put(caseId, r.path("decisionId"));
                    }
                    answered.incrementAndGet();
                    underWay.countDown();
                    if (r.statusCode() != 200) {
                        return;
                    }
                }
            }));
        }
        try {
            assertThat(underWay.await(120, TimeUnit.SECONDS)).as("decisions under way before the cut").isTrue();
            FlakyDatabase.proxy.cut();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            FlakyDatabase.proxy.restore();
            clients.shutdownNow();
        }

        assertThat(status.values()).as("only decisions or 503").allMatch(s -> s == 200 || s == 503);
        assertThat(status.values()).as("the cut reached decisions in flight").contains(503);

        // back up: every decision given has its record
        int recovered = 0;
        for (int attempt = 0; attempt < 20 && recovered != 200; attempt++) {
            recovered = decide(run + "after").statusCode();
        }
        assertThat(recovered).isEqualTo(200);
        decisionIds.forEach((caseId, id) -> given().get("/api/v1/decisions/" + id).then().statusCode(200));
    }
}

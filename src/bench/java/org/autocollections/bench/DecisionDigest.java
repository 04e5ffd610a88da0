package org.autocollections.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.autocollections.http.JsonSetup;
import org.autocollections.api.Borrower;
import org.autocollections.api.BorrowerFlag;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Collateral;
import org.autocollections.api.Consents;
import org.autocollections.api.ContactAttempt;
import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.Decision;
import org.autocollections.api.Employment;
import org.autocollections.api.GpsTracking;
import org.autocollections.api.Hardship;
import org.autocollections.api.History;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.LegalActionRecord;
import org.autocollections.api.LegalStage;
import org.autocollections.api.Loan;
import org.autocollections.api.PlanRecord;
import org.autocollections.api.PlanStatus;
import org.autocollections.api.PlanType;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.engine.Engines;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes every decision of a fixed set of cases, one JSON line each, so that two builds of the engine can be compared
 * byte for byte ({@code diff}): the golden corpus (src/main/resources/corpus/cases) and a number of seeded random cases.
 * Each decision is written whole (conclusions, reasons with their sources, and every fired rule in firing order) but
 * for its decision id, which is random.
 *
 * <pre>
 * java -cp ... org.autocollections.bench.DecisionDigest OUT.jsonl [EXECUTABLE|CLASSIC] [randomCases] [threads]
 * </pre>
 *
 * With several threads the same cases are decided concurrently by one engine, in an order that interleaves them, and
 * written in case order: the output must not change.
 */
public final class DecisionDigest {

    private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");

    private DecisionDigest() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        RuleModel model = args.length > 1 ? RuleModel.valueOf(args[1]) : RuleModel.EXECUTABLE;
        int random = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        new JsonSetup().customize(json);
        json.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        List<CollectionCase> cases = new ArrayList<>(corpus(json));
        Random seed = new Random(20261129L);
        for (int i = 0; i < random; i++) {
            cases.add(randomCase(seed, i));
        }
        Ruleset ruleset = BenchSupport.compile(model, BenchSupport.shippedPolicy());
        DecisionEngine engine = Engines.engine(Clock.fixed(NOW, ZoneOffset.UTC), model);
        String[] lines = new String[cases.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            work.add(pool.submit(() -> {
                // Each thread decides every case: its share is written, the rest only interleave with the others.
                for (int k = 0; k < cases.size(); k++) {
                    int i = (k + first * 31) % cases.size();
                    if (i % threads == first) {
                        lines[i] = line(json, engine, cases.get(i), ruleset);
                    } else {
                        line(json, engine, cases.get(i), ruleset);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] == null) {
                lines[i] = line(json, engine, cases.get(i), ruleset);
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (String l : lines) {
                w.println(l);
            }
        }
        System.err.println("[digest] " + model + ": " + lines.length + " decisions written to " + out);
    }

    private static String line(ObjectMapper json, DecisionEngine engine, CollectionCase c, Ruleset ruleset) {
        try {
            Decision d = engine.decide(c, ruleset);
            ObjectNode node = json.valueToTree(d);
            node.put("decisionId", "-");
            return json.writeValueAsString(node);
        } catch (RuntimeException e) {
            return "{\"caseId\":\"" + c.caseId() + "\",\"error\":\"" + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).replace('"', '\'') + "\"}";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CollectionCase> corpus(ObjectMapper json) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("src/main/resources/corpus/cases"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<CollectionCase> cases = new ArrayList<>();
        for (Path file : files) {
            JsonNode spec = json.readTree(file.toFile());
            JsonNode request = spec.has("case") ? spec.get("case")
                    : merge(json, json.readTree(Path.of(spec.path("base").asText()).toFile()), spec.path("merge"));
            cases.add(json.treeToValue(request, CollectionCase.class));
        }
        return cases;
    }

    private static JsonNode merge(ObjectMapper json, JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : json.createObjectNode();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), merge(json, result.get(e.getKey()), e.getValue()));
            }
        });
        return result;
    }

    private static final List<String> ZONES = List.of("Asia/Shanghai", "Asia/Urumqi", "America/New_York",
            "America/Chicago", "America/Los_Angeles", "Pacific/Honolulu", "Europe/London");

    /**
     * The outcomes the random cases were first drawn from, listed rather than taken from the enum, so that an outcome
     * added later (DELIVERED) does not redraw every random case and the digest keeps comparing like with like.
     */
    private static final ContactOutcome[] OUTCOMES = { ContactOutcome.NO_ANSWER, ContactOutcome.CONTACTED,
            ContactOutcome.PROMISE_TO_PAY, ContactOutcome.REFUSED, ContactOutcome.WRONG_NUMBER };

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static BigDecimal money(Random r, int min, int max) {
        return BigDecimal.valueOf(min + (long) (r.nextDouble() * (max - min) * 100) / 100.0).setScale(2, RoundingMode.DOWN);
    }

    /** A varied case: every days-past-due range, both jurisdictions, flags, consents, contacts, plans, legal steps. */
    static CollectionCase randomCase(Random r, int i) {
        OffsetDateTime asOf = OffsetDateTime.parse("2026-11-29T10:00:00+08:00").plusMinutes(r.nextInt(24 * 60) - 12 * 60);
        int[] spans = { 0, 0, 5, 30, 45, 60, 75, 90, 100, 120, 135, 150, 170, 180, 200, 300, 400, 1300 };
        int dpd = r.nextInt(3) == 0 ? spans[r.nextInt(spans.length)] : r.nextInt(r.nextBoolean() ? 200 : 600);
        LocalDate today = asOf.toLocalDate();
        LocalDate due = dpd == 0 ? null : today.minusDays(dpd);
        Set<BorrowerFlag> flags = EnumSet.noneOf(BorrowerFlag.class);
        int nflags = r.nextInt(10) < 6 ? 0 : 1 + r.nextInt(2);
        for (int f = 0; f < nflags; f++) {
            flags.add(pick(r, BorrowerFlag.values()));
        }
        Jurisdiction j = r.nextBoolean() ? Jurisdiction.CN : Jurisdiction.US;
        String zone = j == Jurisdiction.CN && r.nextBoolean() ? (r.nextBoolean() ? null : "Asia/Shanghai")
                : ZONES.get(r.nextInt(ZONES.size()));
        Borrower borrower = new Borrower("CUST" + i, zone, r.nextInt(5) == 0 ? null : 300 + r.nextInt(551),
                r.nextInt(5) == 0 ? null : money(r, 0, 60_000), r.nextInt(3) == 0 ? null : money(r, 0, 10_000),
                pick(r, Employment.values()), r.nextInt(8) == 0 ? null : pick(r, Hardship.values()),
                r.nextInt(6) == 0 ? null : new Consents(r.nextInt(4) != 0, r.nextInt(4) != 0, r.nextBoolean()),
                flags.isEmpty() ? null : flags);
        BigDecimal balance = money(r, 2_000, 400_000);
        BigDecimal overdue = balance.multiply(BigDecimal.valueOf(1 + r.nextInt(100))).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        int term = r.nextInt(73);
        Loan loan = new Loan("LN" + i, "CNY", balance, overdue, BigDecimal.valueOf(r.nextInt(2400), 4),
                r.nextInt(10) == 0 ? null : balance.divide(BigDecimal.valueOf(Math.max(term, 12)), 2, RoundingMode.HALF_EVEN),
                term, due, r.nextBoolean());
        Collateral collateral = r.nextInt(20) == 0 ? null
                : new Collateral(r.nextInt(10) == 0 ? null : money(r, 0, 500_000), null, pick(r, GpsTracking.values()));
        List<ContactAttempt> contacts = new ArrayList<>();
        int n = r.nextInt(4) == 0 ? 0 : r.nextInt(30);
        for (int c = 0; c < n; c++) {
            contacts.add(new ContactAttempt(asOf.minusMinutes(1 + r.nextInt(r.nextBoolean() ? 60 * 24 * 3 : 60 * 24 * 60)),
                    pick(r, ContactChannel.values()), r.nextInt(3) == 0 ? pick(r, OUTCOMES) : ContactOutcome.NO_ANSWER));
        }
        List<PlanRecord> plans = new ArrayList<>();
        for (int p = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0; p > 0; p--) {
            plans.add(new PlanRecord(pick(r, PlanType.values()), today.minusDays(r.nextInt(500)), pick(r, PlanStatus.values())));
        }
        List<LegalActionRecord> legal = new ArrayList<>();
        for (int l = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0; l > 0; l--) {
            legal.add(new LegalActionRecord(pick(r, LegalStage.values()), today.minusDays(r.nextInt(Math.max(1, dpd + 30)))));
        }
        History history = r.nextInt(15) == 0 ? null : new History(contacts, r.nextInt(4) == 0 ? r.nextInt(5) : 0, plans, legal,
                r.nextInt(3) == 0 ? today.minusDays(r.nextInt(2000)) : null);
        return new CollectionCase("R" + i, asOf, r.nextInt(10) == 0 ? null : j, borrower, loan, collateral, history);
    }
}

package org.autocollections.regression;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.tables.PolicyFile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tries each edit of a table cell on the golden corpus: the shipped policy with that one cell changed is compiled and
 * the corpus decided with it until one case no longer gets what it expects. An edit no case notices is a cell the
 * corpus does not pin: the policy could drift there and every regression run would still pass.
 */
final class CellCoverage {

    /** What caught an edit: a corpus case by name, the compiler, or nothing (empty). */
    record Outcome(TableCells.Mutation mutation, Optional<String> caughtBy) {
    }

    private final List<PolicyFile> shipped;
    private final RulesetCompiler compiler;
    private final List<RegressionCase> cases;
    private final BiFunction<JsonNode, Ruleset, JsonNode> decide;
    /** Per table, the cases that caught its earlier edits, tried first: an edit of a table is mostly caught by the same few. */
    private final Map<String, List<RegressionCase>> catchers = new ConcurrentHashMap<>();

    CellCoverage(List<PolicyFile> shipped, RuleModel model, List<RegressionCase> cases,
            BiFunction<JsonNode, Ruleset, JsonNode> decide) {
        this.shipped = shipped;
        this.compiler = new RulesetCompiler(model);
        this.cases = cases;
        this.decide = decide;
    }

    /** Whether a case gets what it expects of the ruleset; a case the ruleset cannot decide does not. */
    boolean passes(RegressionCase c, Ruleset ruleset) {
        JsonNode decision;
        try {
            decision = decide.apply(c.request(), ruleset);
        } catch (RuntimeException e) {
            return false;
        }
        return c.expectations().stream().allMatch(e -> e.mismatch(decision).isEmpty());
    }

    List<Outcome> run(List<TableCells.Mutation> mutations, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (TableCells.Mutation m : mutations) {
                futures.add(pool.submit(() -> outcome(m)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    Outcome outcome(TableCells.Mutation m) {
        List<PolicyFile> files = new ArrayList<>(shipped.size());
        for (PolicyFile f : shipped) {
            files.add(f.path().equals(m.cell().file()) ? m.applyTo(f) : f);
        }
        Ruleset ruleset;
        try {
            ruleset = compiler.compile("cell " + m, files, Instant.EPOCH);
        } catch (RulesetCompilationException e) {
            return new Outcome(m, Optional.of("(the table no longer compiles)"));
        }
        List<RegressionCase> first = catchers.computeIfAbsent(m.cell().file(), f -> Collections.synchronizedList(new ArrayList<>()));
        LinkedHashSet<RegressionCase> order;
        synchronized (first) {
            order = new LinkedHashSet<>(first);
        }
        order.addAll(cases);
        for (RegressionCase c : order) {
            if (!passes(c, ruleset)) {
                synchronized (first) {
                    first.remove(c);
                    first.add(0, c);
                }
                return new Outcome(m, Optional.of(c.name()));
            }
        }
        return new Outcome(m, Optional.empty());
    }
}

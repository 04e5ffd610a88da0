package org.autocollections.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.Validation;

import org.autocollections.api.CaseReader;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.engine.Engines;
import org.autocollections.http.JsonSetup;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.RulesetSource;
import org.autocollections.tables.PolicyFile;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.autocollections.DatabaseFree;

/**
 * Table-cell coverage: every data cell of every shipped decision table is edited a small step at a time (see
 * {@link TableCells}) and the golden corpus decided with the edited policy; an edit no case notices is a cell the corpus
 * does not pin. The cells known to be unpinned are listed in src/test/resources/table-cells-unpinned.txt: a cell that
 * joins them fails the test; one that leaves them (a new case pins it) passes with a hint to shorten the list.
 * It needs no database, so the PostgreSQL pass of {@code .ci/run} leaves it out.
 */
@DatabaseFree
class TableCellCoverageTest {

    static final Path UNPINNED = Path.of("src/test/resources/table-cells-unpinned.txt");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();
    private static final int DEFAULT_EVERY = 20;
    private static final String HEADER = """
            # Edits of decision-table cells that no golden-corpus case notices: file#row, column (table: label), the value
            # and the edit. TableCellCoverageTest fails when an edit not listed here goes unnoticed; an edit that a case
            # now catches only needs its line removed (-Dtable-cells.update=true rewrites this file).
            """;
    private static CellCoverage coverage;
    private static List<PolicyFile> tables;
    private static List<RegressionCase> cases;

    @BeforeAll
    static void corpusAndPolicy() {
        new JsonSetup().customize(JSON);
        CaseReader reader = new CaseReader(JSON, Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
        RuleModel model = RuleModel.valueOf(System.getProperty("table-cells.model", "CLASSIC"));
        DecisionEngine engine = Engines.engine(Clock.systemUTC(), model);
        GoldenCorpus corpus = new GoldenCorpus();
        corpus.json = JSON;
        cases = corpus.cases();
        List<PolicyFile> shipped = new RulesetSource(Path.of("rules"), Path.of("decision-tables"), true).load().files();
        tables = shipped.stream().filter(f -> f.path().endsWith(".drl.csv")).toList();
        coverage = new CellCoverage(shipped, model, cases,
                (request, ruleset) -> JSON.valueToTree(engine.decide(reader.read(request), ruleset)));
    }

    @Test
    void everyCorpusCaseGetsItsExpectedDecisionFromTheShippedTablesHereToo() {
        // Otherwise a case that "catches" an edit might only be failing anyway.
        assertThat(cases).filteredOn(c -> !coverage.passes(c, Engines.shippedRuleset(RuleModel.CLASSIC)))
                .extracting(RegressionCase::name).isEmpty();
    }

    @Test
    void noTableCellThatTheCorpusPinnedBecomesUnpinned() throws Exception {
        List<TableCells.Mutation> mutations = new ArrayList<>();
        int cells = 0;
        Map<String, Integer> skipped = new TreeMap<>();
        for (PolicyFile table : tables) {
            TableCells.Scan scan = TableCells.scan(table);
            cells += scan.mutations().size();
            scan.mutations().values().forEach(mutations::addAll);
            scan.skipped().forEach((why, n) -> skipped.merge(why, n, Integer::sum));
        }
        long started = System.nanoTime();
        List<TableCells.Mutation> tried = sample(mutations);
        List<CellCoverage.Outcome> outcomes = coverage.run(tried, Integer.getInteger("table-cells.threads", 2));
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        Set<String> unpinned = outcomes.stream().filter(o -> o.caughtBy().isEmpty()).map(o -> o.mutation().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        long triedCells = tried.stream().map(TableCells.Mutation::cell).distinct().count();
        long unpinnedCells = outcomes.stream().filter(o -> o.caughtBy().isEmpty()).map(o -> o.mutation().cell()).distinct().count();
        System.out.printf("Table-cell coverage: %d of %d cells pinned (%d of %d cells' %d edits tried, %d not caught; "
                + "cells left alone: %s) in %d s%n", triedCells - unpinnedCells, triedCells, triedCells, cells,
                tried.size(), unpinned.size(), skipped, seconds);

        Set<String> triedNames = tried.stream().map(TableCells.Mutation::toString).collect(Collectors.toSet());
        Set<String> known = known();
        Set<String> newlyPinned = new TreeSet<>(known);
        newlyPinned.retainAll(triedNames);
        newlyPinned.removeAll(unpinned);
        Set<String> newlyUnpinned = new TreeSet<>(unpinned);
        newlyUnpinned.removeAll(known);
        if (Boolean.getBoolean("table-cells.update")) {
            Set<String> list = new TreeSet<>(known);
            list.removeAll(triedNames);
            list.addAll(unpinned);
            Files.writeString(UNPINNED, HEADER + String.join("\n", list) + "\n", StandardCharsets.UTF_8);
        } else if (!newlyPinned.isEmpty()) {
            System.out.printf("These edits are caught now; remove them from %s (or run again with -Dtable-cells.update=true):%n  %s%n",
                    UNPINNED, String.join("\n  ", newlyPinned));
        }
        assertThat(newlyUnpinned).as("edits of table cells no golden-corpus case notices (none gets another answer than it "
                + "expects): add a case to src/main/resources/corpus/cases that pins each, or explain in the table's notes "
                + "why the cell cannot matter and list it in " + UNPINNED).isEmpty();
    }

    /**
     * The edits to try: every one, or a deterministic sample of every n-th ({@code table-cells.every}, 20 unless set, so
     * the build's run stays within a few minutes), or those whose description matches {@code table-cells.only}.
     */
    private static List<TableCells.Mutation> sample(List<TableCells.Mutation> mutations) {
        String only = System.getProperty("table-cells.only");
        if (only != null) {
            Pattern wanted = Pattern.compile(only);
            return mutations.stream().filter(m -> wanted.matcher(m.toString()).find()).toList();
        }
        int every = Integer.getInteger("table-cells.every", DEFAULT_EVERY);
        List<TableCells.Mutation> tried = new ArrayList<>();
        for (int i = 0; i < mutations.size(); i += every) {
            tried.add(mutations.get(i));
        }
        return tried;
    }

    private static Set<String> known() throws IOException {
        if (!Files.exists(UNPINNED)) {
            return Set.of();
        }
        return Files.readAllLines(UNPINNED, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
    }
}

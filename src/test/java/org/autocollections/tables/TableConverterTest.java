package org.autocollections.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.ruleset.RulesetSource;
import org.drools.template.parser.DataListener;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.autocollections.DatabaseFree;

/**
 * Converting between CSV and workbook keeps what Drools reads: the same grid of cell texts and merged ranges, and so
 * the same rules from the same rows.
 */
@DatabaseFree
class TableConverterTest {

    private final TableConverter converter = new TableConverter();

    private static List<PolicyFile> shipped() {
        return new RulesetSource(Path.of("rules"), Path.of("decision-tables"), true).load().files();
    }

    private static PolicyFile renamed(PolicyFile file, TableFormat from, TableFormat to, byte[] content) {
        return new PolicyFile(file.path().substring(0, file.path().length() - from.suffix().length()) + to.suffix(), content);
    }

    /**
     * What Drools reads from the sheets holding tables: each non-empty cell's text, and for a cell merged with its
     * neighbours the first column of its range. Blank cells and one-cell "merges" read the same as nothing at all.
     */
    static List<Map<String, String>> readable(PolicyFile file) throws Exception {
        List<Map<String, String>> sheets = new ArrayList<>();
        for (SheetGrid grid : new TableReader().read(TableFormat.of(file.path()).orElseThrow(), file.content())) {
            if (grid.rows().values().stream().flatMap(r -> r.values().stream()).noneMatch(c -> TableTranslator.isRuleTableCell(c.value()))) {
                continue;
            }
            Map<String, String> cells = new TreeMap<>();
            grid.rows().forEach((row, columns) -> columns.forEach((column, cell) -> {
                boolean merged = cell.mergedColStart() != DataListener.NON_MERGED && columns.values().stream()
                        .filter(c -> c.mergedColStart() == cell.mergedColStart()).count() > 1;
                if (!cell.value().isEmpty() || merged) {
                    cells.put(SheetGrid.columnName(column) + (row + 1), cell.value() + (merged ? " [merged from " + cell.mergedColStart() + "]" : ""));
                }
            }));
            sheets.add(cells);
        }
        return sheets;
    }

    private static NavigableMap<String, Integer> rulesAndRows(Ruleset ruleset) {
        NavigableMap<String, Integer> rules = new TreeMap<>();
        for (KiePackage pkg : ruleset.kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String source = ruleset.attribution(rule).source();
                String row = source.substring(source.lastIndexOf(source.contains("!") ? '!' : '#') + 1);
                rules.put(pkg.getName() + "/" + rule.getName(), row.startsWith("L") ? -1 : Integer.parseInt(row));
            }
        }
        return rules;
    }

    @Test
    void everyShippedCsvTableBecomesAWorkbookAndBackWithTheSameGrid() throws Exception {
        for (PolicyFile csv : shipped().stream().filter(f -> f.path().endsWith(".drl.csv")).toList()) {
            PolicyFile xlsx = renamed(csv, TableFormat.CSV, TableFormat.XLSX, converter.toXlsx(csv));
            PolicyFile back = renamed(xlsx, TableFormat.XLSX, TableFormat.CSV, converter.toCsv(xlsx));
            assertThat(readable(xlsx)).as(csv.path() + " as a workbook").isEqualTo(readable(csv));
            assertThat(readable(back)).as(csv.path() + " back to CSV").isEqualTo(readable(csv));
            assertThat(converter.toCsv(back)).as(csv.path() + " written twice").isEqualTo(back.content());
        }
    }

    @Test
    void theShippedRulesetAsWorkbooksCompilesToTheSameRulesFromTheSameRows() throws Exception {
        List<PolicyFile> asCsv = shipped();
        List<PolicyFile> asXlsx = asCsv.stream().map(f -> f.isTable()
                ? renamed(f, TableFormat.CSV, TableFormat.XLSX, converter.toXlsx(f)) : f).toList();
        RulesetCompiler compiler = new RulesetCompiler(RuleModel.EXECUTABLE);
        NavigableMap<String, Integer> fromCsv = rulesAndRows(compiler.compile("csv", asCsv, Instant.EPOCH));
        NavigableMap<String, Integer> fromXlsx = rulesAndRows(compiler.compile("xlsx", asXlsx, Instant.EPOCH));
        assertThat(fromXlsx).isEqualTo(fromCsv).hasSizeGreaterThan(100);
    }

    @Test
    void aWorkbookBecomesCsvAndBackWithTheSameGridAndRules() throws Exception {
        Workbooks book = Workbooks.create()
                .sheet("Read me", List.<String[]>of(new String[] {"Notes only, not carried into CSV"}))
                .sheet("Buckets", Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION,
                        "0,0,M0", "1,30,M1", "31,,M2+"))
                .merge("Buckets", 5, 0, 1);
        PolicyFile xlsx = new PolicyFile("decision-tables/buckets.drl.xlsx", book.bytes());
        PolicyFile csv = new PolicyFile("decision-tables/buckets.drl.csv", converter.toCsv(xlsx));
        PolicyFile again = new PolicyFile("decision-tables/buckets.drl.xlsx", converter.toXlsx(csv));
        assertThat(readable(csv)).isEqualTo(readable(xlsx));
        assertThat(readable(again)).isEqualTo(readable(xlsx));
        assertThat(csv.text()).contains("\n$c : CaseFacts...,...\n");
        RulesetCompiler compiler = new RulesetCompiler(RuleModel.EXECUTABLE);
        NavigableMap<String, Integer> rules = rulesAndRows(compiler.compile("xlsx", List.of(xlsx), Instant.EPOCH));
        assertThat(rulesAndRows(compiler.compile("csv", List.of(csv), Instant.EPOCH))).isEqualTo(rules);
        assertThat(rulesAndRows(compiler.compile("again", List.of(again), Instant.EPOCH))).isEqualTo(rules);
        assertThat(new TreeSet<>(rules.values())).containsExactly(9, 10, 11);
    }

    @Test
    void aWorkbookWithTablesOnTwoSheetsCannotBecomeOneCsvFile() {
        Workbooks book = Workbooks.create()
                .sheet("CN", Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, "0,0,M0"))
                .sheet("US", Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, "1,,M1+"));
        PolicyFile xlsx = new PolicyFile("decision-tables/buckets.drl.xlsx", book.bytes());
        assertThatThrownBy(() -> converter.toCsv(xlsx)).isInstanceOf(TableConversionException.class)
                .hasMessageContaining("tables on 2 sheets (CN, US)")
                .satisfies(e -> assertThat(((TableConversionException) e).file()).isEqualTo(xlsx.path()));
    }

    @Test
    void aCellWithALineBreakCannotBeWrittenAsCsv() {
        Workbooks book = Workbooks.create()
                .sheet("Buckets", Workbooks.bucketTable("CONDITION", "daysPastDue >= $param", Workbooks.BUCKET_ACTION, "0,0,M0\nzero"));
        PolicyFile xlsx = new PolicyFile("decision-tables/buckets.drl.xlsx", book.bytes());
        assertThatThrownBy(() -> converter.toCsv(xlsx)).isInstanceOf(TableConversionException.class)
                .hasMessageContaining("cell C9 has a line break");
    }

    @Test
    void aFileThatIsNotATableCannotBeConverted() {
        PolicyFile corrupt = new PolicyFile("decision-tables/buckets.drl.xlsx", "not a workbook".getBytes());
        assertThatThrownBy(() -> converter.toCsv(corrupt)).isInstanceOf(TableConversionException.class)
                .hasMessageContaining("cannot be read as XLSX");
    }
}

package org.autocollections.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Language;
import org.autocollections.api.Message;
import org.autocollections.api.Problem;
import org.autocollections.api.ProblemWording;
import org.autocollections.api.RaisedProblem;
import org.autocollections.cases.CaseNotFoundException;
import org.autocollections.validation.Finding;
import org.autocollections.validation.FindingWording;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every problem the service can answer, and every kind of draft finding, is worded in every language it speaks. */
class ProblemWordingTest {

    /** A problem type as the code names it: RaisedProblem.of("x", ...), new RaisedProblem("x", ...), .../problems/x. */
    private static final Pattern TYPE = Pattern.compile("(?:Problem\\.of|new RaisedProblem)\\(\"([a-z0-9-]+)\"|/problems/([a-z0-9-]+)\"");
    private static final Pattern KEY = Pattern.compile("\"([a-z0-9-]+\\.detail(?:\\.[a-z0-9-]+)?|field\\.[a-z0-9-]+|finding\\.[A-Z_]+\\.message(?:\\.[a-z0-9-]+)?)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void everyProblemTypeTheCodeRaisesHasATitleInEveryLanguage() throws IOException {
        Set<String> types = namedInCode(TYPE);
        assertThat(types).contains("invalid-case", "malformed-json", "case-not-found", "ruleset-rejected",
                "body-too-large", "invalid-portfolio");
        // "http-" + status: the statuses the HTTP layer itself answers (a wrong path, method, media type, ...)
        assertThat(types.remove("http-")).isTrue();
        types.addAll(List.of("http-400", "http-401", "http-403", "http-404", "http-405", "http-406", "http-409",
                "http-413", "http-415", "http-500", "http-503"));
        for (Language language : Language.values()) {
            for (String type : types) {
                assertThat(ProblemWording.text(language, type + ".title")).as(language.tag() + " " + type)
                        .hasValueSatisfying(text -> assertThat(text).isNotBlank());
            }
        }
    }

    @Test
    void everyKindOfFindingIsExplainedInEveryLanguage() {
        for (Language language : Language.values()) {
            for (Finding.Kind kind : Finding.Kind.values()) {
                assertThat(FindingWording.explanation(kind.name(), language)).as(language.tag() + " " + kind)
                        .hasValueSatisfying(text -> assertThat(text).isNotBlank());
            }
        }
    }

    @Test
    void everyLanguageWordsEveryEnglishSentenceWithTheSameValues() {
        for (Language language : Language.values()) {
            assertThat(ProblemWording.keys(language)).as(language.tag())
                    .containsExactlyInAnyOrderElementsOf(ProblemWording.keys(Language.EN));
            for (String key : ProblemWording.keys(Language.EN)) {
                String english = ProblemWording.text(Language.EN, key).orElseThrow();
                String worded = ProblemWording.text(language, key).orElseThrow();
                assertThat(placeholders(worded)).as(language.tag() + " " + key).isEqualTo(placeholders(english));
            }
        }
    }

    @Test
    void everySentenceTheCodeRaisesByKeyHasWordsInEveryLanguage() throws IOException {
        // every key a sentence is raised with: a literal naming a problem's detail or a field's message
        Set<String> keys = namedInCode(KEY);
        assertThat(keys).contains("lifecycle-conflict.detail.approve", "four-eyes.detail.approve",
                "run-conflict.detail.busy", "field.not-a-field", "field.files-none", "finding.RANGE_GAP.message",
                "finding.CODE_IN_CELL.message.backslash", "finding.UNKNOWN_TABLE.message.analyst");
        for (Language language : Language.values()) {
            for (String key : keys) {
                assertThat(ProblemWording.text(language, key)).as(language.tag() + " " + key)
                        .hasValueSatisfying(text -> assertThat(text).isNotBlank());
            }
        }
    }

    @Test
    void everyFaultOfAScenarioSheetAndEveryHeaderChangeHasWordsInEveryLanguage() throws IOException {
        Set<String> sheet = keysAfter("regression", "invalid-scenario-sheet.error.");
        assertThat(sheet).contains("invalid-scenario-sheet.error.number", "invalid-scenario-sheet.error.scenario-twice",
                "invalid-scenario-sheet.error.case-invalid", "invalid-scenario-sheet.error.where.row",
                "invalid-scenario-sheet.error.unreadable-csv", "invalid-scenario-sheet.error.unreadable-workbook");
        Set<String> header = keysAfter("validation/HeaderGuard.java", "finding.HEADER_CHANGED.");
        assertThat(header).contains("finding.HEADER_CHANGED.message.changed", "finding.HEADER_CHANGED.note.analyst",
                "finding.HEADER_CHANGED.note.developer", "finding.HEADER_CHANGED.merged", "finding.HEADER_CHANGED.empty");
        for (String row : List.of("name", "type", "pattern", "code")) {
            header.add("finding.HEADER_CHANGED.row." + row);
        }
        for (Language language : Language.values()) {
            for (String key : union(sheet, header)) {
                assertThat(ProblemWording.text(language, key)).as(language.tag() + " " + key)
                        .hasValueSatisfying(text -> assertThat(text).isNotBlank());
            }
        }
    }

    /**
     * The keys a capability names as its prefix constant plus a literal: {@code KEYS + "number"}, and both sides of
     * {@code KEYS + (csv ? "unreadable-csv" : "unreadable-workbook")}.
     */
    private static Set<String> keysAfter(String where, String prefix) throws IOException {
        Path root = Path.of("src/main/java/org/autocollections").resolve(where);
        Set<String> keys = new TreeSet<>();
        for (Pattern pattern : List.of(Pattern.compile("KEYS \\+ (?:\\([^?]*\\? \"[a-z.-]+\" : )?\"([a-z.-]+)\""),
                Pattern.compile("KEYS \\+ \\([^?]*\\? \"([a-z.-]+)\""))) {
            namedIn(root, pattern).forEach(key -> keys.add(prefix + key));
        }
        return keys;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void englishIsWordedExactlyAsTheCodeAlwaysWroteIt() {
        assertThat(new CaseNotFoundException("C1").getMessage()).isEqualTo("No stored case C1; PUT /api/v1/cases/C1 first");
        Problem problem = RaisedProblem.of("case-not-found", "No such case", 404, new CaseNotFoundException("C1").words())
                .in(Language.EN);
        assertThat(problem.title()).isEqualTo("No such case");
        assertThat(problem.detail()).isEqualTo("No stored case C1; PUT /api/v1/cases/C1 first");
        assertThat(new InvalidRequestException("lang", Message.of("field.lang", "fr")).problem().detail())
                .isEqualTo("lang: must be one of en, zh-CN, zh-TW, not 'fr'");
    }

    @Test
    void valuesPassThroughVerbatimAndOnlyTheWordsAroundThemChange() {
        Problem worded = RaisedProblem.of("case-not-found", "No such case", 404, new CaseNotFoundException("C-7").words())
                .in(Language.ZH_TW);
        assertThat(worded.type()).isEqualTo("https://autocollections.org/problems/case-not-found");
        assertThat(worded.status()).isEqualTo(404);
        assertThat(worded.title()).isEqualTo("查無此案件");
        assertThat(worded.detail()).isEqualTo("查無已儲存的案件 C-7，請先呼叫 PUT /api/v1/cases/C-7");
    }

    @Test
    void aTableTheConverterRefusesIsReadBackIntoChinese() {
        // the converter words its sentences in English where it raises them; the templates read them back
        Problem worded = RaisedProblem.of("table-not-convertible", "The table cannot be written in that format", 422,
                Message.verbatim("decision-tables/x.drl.xlsx: decision-tables/x.drl.xlsx: has tables on 2 sheets "
                        + "(A, B), and a CSV file holds one sheet: keep it as a workbook, or move the tables onto one sheet"))
                .in(Language.ZH_CN);
        assertThat(worded.title()).isEqualTo("该决策表无法转换为所请求的格式");
        assertThat(worded.detail()).isEqualTo("decision-tables/x.drl.xlsx：2 个工作表（A, B）上都有决策表，而一个 CSV "
                + "文件只能容纳一个工作表：请保留为工作簿，或把决策表移到同一个工作表上");
    }

    @Test
    void aSentenceNoTemplateReadsStaysAsItIs() {
        assertThat(ProblemWording.sentence("something new went wrong", Language.ZH_CN, "field.", "message."))
                .isEqualTo("something new went wrong");
    }

    @Test
    void aFindingsMessageKeepsItsNumbersAndFieldInChinese() {
        assertThat(ProblemWording.sentence("no row covers daysPastDue 61, between row 12 (to 60) and row 13 (from 62)",
                Language.ZH_CN, "finding.RANGE_GAP.message"))
                .isEqualTo("没有任何一行覆盖 daysPastDue 61，位于第 12 行（至 60）与第 13 行（自 62）之间");
        assertThat(ProblemWording.sentence("row 11 has the same conditions as row 10, which is tried first and always "
                + "wins: row 11 never fires", Language.ZH_TW, "finding.UNREACHABLE_ROW.message"))
                .isEqualTo("第 11 列與第 10 列條件相同，而第 10 列優先比對且總是勝出：第 11 列永遠不會觸發");
    }

    @Test
    void aFindingKeptWithItsKeyIsWordedFromTheKeyAndAnOlderOneFromItsEnglish() throws IOException {
        JsonNode kept = new ObjectMapper().readTree("""
                [ { "severity": "WARNING", "kind": "RANGE_GAP",
                    "message": "no row covers x 1, between row 2 (to 0) and row 3 (from 2)",
                    "words": { "key": "finding.RANGE_GAP.message", "values": [ "x 1", "2", "0", "3", "2" ] } },
                  { "severity": "ERROR", "kind": "WORDING", "message": "the zh-CN wording of BUCKET_M2 is missing" } ]
                """);
        JsonNode shown = FindingWording.in(kept, Language.ZH_TW);
        assertThat(shown.get(0).has("words")).as("the key is kept with the draft, not shown").isFalse();
        assertThat(shown.get(0).path("message").asText()).isEqualTo("沒有任何一列涵蓋 x 1，位於第 2 列（至 0）與第 3 列（自 2）之間");
        assertThat(shown.get(1).path("message").asText()).isEqualTo("缺少 BUCKET_M2 的 zh-CN 措辭");
        assertThat(shown.get(1).path("explanation").asText()).startsWith("decision-tables/wording.csv");
    }

    private static List<String> placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        return m.results().map(r -> r.group()).distinct().sorted().toList();
    }

    /** What a pattern finds in the main code: its first group that matched, at each place it matches. */
    private static Set<String> namedInCode(Pattern pattern) throws IOException {
        return namedIn(Path.of("src/main/java"), pattern);
    }

    private static Set<String> namedIn(Path root, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        return found;
    }
}

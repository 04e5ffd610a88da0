package org.autocollections.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.autocollections.ruleset.WordingRows.rowOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.autocollections.api.Language;
import org.autocollections.api.RulesetProblem;
import org.autocollections.policy.ReasonKinds;
import org.autocollections.tables.PolicyFile;
import org.junit.jupiter.api.Test;

/** The wording file as the compiler reads it: what an analyst's edit may and may not do, each fault at its cell. */
class WordingTest {

    private static final Path SHIPPED = Path.of("decision-tables", Wording.FILE);
    /** Every reason code the golden corpus gives, as the English wording test keeps them. */
    private static final Path CORPUS_REASONS = Path.of("src/test/resources/wording/english-reasons.txt");

    private static String shipped() throws IOException {
        return Files.readString(SHIPPED, StandardCharsets.UTF_8);
    }

    private static List<RulesetProblem> problems(String text) {
        List<RulesetProblem> problems = new ArrayList<>();
        Wording wording = Wording.read(new PolicyFile(Wording.PATH, text.getBytes(StandardCharsets.UTF_8)), problems);
        assertThat(wording == null).as("refused exactly when there is an error: %s", problems)
                .isEqualTo(problems.stream().anyMatch(p -> p.severity() == RulesetProblem.Severity.ERROR));
        return problems;
    }

    @Test
    void theShippedWordingWordsEveryReasonCodeAndEveryScriptInEveryLanguage() throws Exception {
        assertThat(problems(shipped())).isEmpty();
        Wording wording = Wording.shipped();
        List<String> codes = Files.readAllLines(CORPUS_REASONS).stream().map(l -> l.split("\t")[1]).distinct().toList();
        assertThat(codes).hasSizeGreaterThan(80);
        for (Language language : Language.values()) {
            for (String code : codes) {
                assertThat(ReasonKinds.of(code)).as("the kind of %s", code).isPresent();
                assertThat(wording.template(language, code)).as("%s in %s", code, language.tag()).isPresent();
            }
            for (ReasonKinds.Kind kind : ReasonKinds.ALL) {
                String member = kind.family() ? kind.code().replace("*", "ANY") : kind.code();
                assertThat(wording.template(language, member)).as("%s in %s", kind.code(), language.tag()).isPresent();
            }
            assertThat(wording.scripts(language)).allSatisfy(s -> {
                assertThat(s.title()).isNotBlank();
                assertThat(s.purpose()).isNotBlank();
            });
        }
    }

    @Test
    void everyScriptTheContactMethodTableNamesIsTitledAndExplainedInEveryLanguage() throws Exception {
        List<String> named = Files.readAllLines(Path.of("decision-tables", "contact-method.drl.csv")).stream()
                .map(l -> l.split(",")).filter(c -> c.length > 10 && c[10].matches("[A-Z0-9]+-[A-Z]+"))
                .map(c -> c[10]).distinct().toList();
        assertThat(named).contains("M2-NEGOTIATE", "L-CEASE").hasSizeGreaterThanOrEqualTo(10);
        for (Language language : Language.values()) {
            assertThat(Wording.shipped().scripts(language)).extracting(Wording.Script::id).containsAll(named);
        }
    }

    @Test
    void aTemplateNamingAParameterItsReasonLacksIsAnErrorAtItsCell() throws Exception {
        String text = shipped().replace("逾期{days}天，处于{bucket}阶段", "逾期{days}天，{amount}");
        List<RulesetProblem> problems = problems(text);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Wording.PATH);
            assertThat(p.row()).isEqualTo(rowOf(text, "reason,BUCKET_*"));
            assertThat(p.column()).isEqualTo("D");
            assertThat(p.message()).contains("{amount}", "BUCKET_*", "days, bucket");
        });
    }

    @Test
    void aReasonWithoutItsRowOrWithoutWordsInALanguageIsAnError() throws Exception {
        String text = shipped();
        String withoutRow = text.lines().filter(l -> !l.startsWith("reason,NO_OPTION_FITS,"))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(problems(withoutRow)).singleElement().satisfies(p -> {
            assertThat(p.row()).isNull();
            assertThat(p.message()).contains("NO_OPTION_FITS");
        });
        String withoutTraditional = text.replace(",逾期{days}天，處於{bucket}階段", ",");
        assertThat(problems(withoutTraditional)).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(rowOf(text, "reason,BUCKET_*"));
            assertThat(p.column()).isEqualTo("E");
            assertThat(p.message()).contains("zh-TW", "BUCKET_*");
        });
    }

    @Test
    void aRowForOneMemberOfAFamilyMayLeaveALanguageToTheFamily() throws Exception {
        assertThat(problems(shipped().replace("逾期{days}天，五级分类为关注类", ""))).isEmpty();
        assertThat(problems(shipped() + "reason,BUCKET_M2,,,\n")).isEmpty();
    }

    @Test
    void cellsThatDoNotReadAreErrorsAtTheirCells() throws Exception {
        String text = shipped().replace("risk score {score}[ ({uncapped} points, capped)]", "risk score {score}[ ({uncapped} points")
                .replace("罚息{amount,money}", "罚息{amount,yuan}");
        List<RulesetProblem> problems = problems(text);
        assertThat(problems).extracting(p -> p.column() + p.row()).containsExactlyInAnyOrder(
                "C" + rowOf(text, "reason,RISK_SCORE"), "D" + rowOf(text, "reason,PENALTY_INTEREST"));
        assertThat(problems(shipped() + "reason,BUCKET_X*,{days},{days},{days}\nreasn,BUCKET_M1,a,b,c\n"))
                .extracting(RulesetProblem::column).containsExactly("B", "A");
        assertThat(problems(shipped() + "script title,X-NEW,New,新,新\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("script purpose", "X-NEW"));
        assertThat(problems(shipped().replace("Kind,Code,en,zh-CN,zh-TW", "Kind,Code,en,zh-CN,zh-HK")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("zh-TW"));
    }

    @Test
    void columnTitlesAndTableNotesAreCheckedAsTheOtherRowsAre() throws Exception {
        String text = shipped();
        String withoutTraditional = text.replace("column title,From day,From day,起始天,起始天", "column title,From day,From day,起始天,");
        assertThat(problems(withoutTraditional)).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(rowOf(text, "column title,From day,"));
            assertThat(p.column()).isEqualTo("E");
            assertThat(p.message()).contains("zh-TW", "From day");
        });
        assertThat(problems(text + "column title,From day,From day,从,從\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("worded already"));
        // the English notes are the table's own Notes row, kept there only
        assertThat(problems(text.replace("table notes,overdue-buckets,,", "table notes,overdue-buckets,Buckets,")))
                .singleElement().satisfies(p -> {
                    assertThat(p.column()).isEqualTo("C");
                    assertThat(p.message()).contains("Notes row");
                });
        Wording wording = Wording.read(new PolicyFile(Wording.PATH, text.getBytes(StandardCharsets.UTF_8)), new ArrayList<>());
        assertThat(wording.columnTitle("To day", Language.ZH_TW)).contains("截止天");
        assertThat(wording.tableNotes("overdue-buckets", Language.ZH_CN)).hasValueSatisfying(n -> assertThat(n).contains("逾期阶段"));
    }

    @Test
    void optionalTextAndAlternativesFollowWhichParametersHaveValues() {
        WordingTemplate template = WordingTemplate.parse("a[ b {x}|c[ d {y}|e]]");
        WordingTemplate.Writing plain = new WordingTemplate.Writing(Language.EN.locale(), null);
        assertThat(template.render(n -> n.equals("x") ? 1 : null, plain)).isEqualTo("a b 1");
        assertThat(template.render(n -> n.equals("y") ? 2 : null, plain)).isEqualTo("ac d 2");
        assertThat(template.render(n -> null, plain)).isEqualTo("ace");
        assertThat(template.parameters()).containsExactlyInAnyOrder("x", "y");
    }
}

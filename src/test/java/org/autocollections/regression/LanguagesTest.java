package org.autocollections.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.autocollections.api.CaseReader;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.api.Language;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetSource;
import org.autocollections.ruleset.Wording;
import org.autocollections.tables.PolicyFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Golden-corpus cases decided in each language the service speaks. */
class LanguagesTest {

    static ObjectMapper json;
    static CaseReader reader;
    static DecisionEngine engine;
    static Ruleset shipped;
    static List<RegressionCase> cases;

    @BeforeAll
    static void shipped() throws Exception {
        json = EnglishWordingTest.json();
        reader = EnglishWordingTest.reader(json);
        engine = EnglishWordingTest.engine();
        shipped = EnglishWordingTest.compile(new RulesetSource(Path.of("rules"), Path.of("decision-tables"), true).load().files());
        cases = EnglishWordingTest.corpus(json).cases();
    }

    private static final String CN_CASE = "cn-075959-one-second-before-0800-waits.json";

    @Test
    void everyCorpusCaseIsDecidedAlikeInEveryLanguageAndOnlyTheWordsDiffer() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
        for (RegressionCase c : cases) {
            CollectionCase request = reader.read(c.request());
            ObjectNode english = withoutWords(engine.decide(request, shipped, Language.EN));
            for (Language language : List.of(Language.ZH_CN, Language.ZH_TW)) {
                Decision decision = engine.decide(request, shipped, language);
                assertThat(withoutWords(decision)).as("%s in %s, but for the words", c.name(), language.tag()).isEqualTo(english);
                assertThat(decision.reasons()).as("%s: every reason worded in %s", c.name(), language.tag())
                        .allSatisfy(r -> assertThat(r.message()).containsPattern("\\p{IsHan}"));
            }
        }
    }

    @Test
    void amountsRatesAndDatesAreWrittenAsEachLanguageWritesThem() {
        CollectionCase request = reader.read(cases.stream().filter(c -> c.name().equals(CN_CASE)).findFirst().orElseThrow().request());
        assertThat(messages(engine.decide(request, shipped, Language.ZH_CN))).contains(
                "PENALTY_INTEREST 罚息¥54.82 = 逾期金额¥4,300.00 × 年利率6.8% × 1.5倍 ÷ 360天 × 45天",
                "LIMITATION_RUNNING 3年诉讼时效（legal.limitation.period.cn）自最早未还款到期日2026年10月15日起算，至2029年10月15日届满",
                "CLASSIFIED_SPECIAL_MENTION 逾期45天，五级分类为关注类",
                "PLAN_EXTENSION 可提供还款计划：“展期”（DEFER_TO_END），2个月，每月¥2,150.00",
                "CONTACT_DEFERRED PHONE最早可于2026年11月29日 00:00 UTC联系：contact hours start at 08:00");
        // a CNY amount read in Taiwan is marked as the mainland's yuan, as Taiwan's own conventions write it
        assertThat(messages(engine.decide(request, shipped, Language.ZH_TW))).contains(
                "PENALTY_INTEREST 罰息CN¥54.82 = 逾期金額CN¥4,300.00 × 年利率6.8% × 1.5倍 ÷ 360天 × 45天",
                "LIMITATION_RUNNING 3年訴訟時效（legal.limitation.period.cn）自最早未還款到期日2026年10月15日起算，至2029年10月15日屆滿",
                "CLASSIFIED_SPECIAL_MENTION 逾期45天，五級分類為關注類");
        assertThat(messages(engine.decide(request, shipped, Language.EN))).contains(
                "PENALTY_INTEREST penalty interest 54.82 = 4300.00 x 0.068 x 1.5 / 360 x 45 days");
    }

    @Test
    void aDraftThatChangesOnlyATemplateChangesOnlyThoseWords() throws Exception {
        List<PolicyFile> files = new RulesetSource(Path.of("rules"), Path.of("decision-tables"), true).load().files();
        List<PolicyFile> edited = files.stream().map(f -> !f.path().equals(Wording.PATH) ? f : new PolicyFile(f.path(),
                f.text().replace("逾期{days}天，处于{bucket}阶段", "已逾期{days}天（{bucket}）").getBytes(StandardCharsets.UTF_8)))
                .toList();
        Ruleset draft = EnglishWordingTest.compile(edited);
        assertThat(draft.version()).as("the wording is part of the version").isNotEqualTo(shipped.version());
        for (RegressionCase c : cases) {
            CollectionCase request = reader.read(c.request());
            assertThat(withoutWords(engine.decide(request, draft, Language.ZH_CN)))
                    .isEqualTo(withoutWords(engine.decide(request, shipped, Language.ZH_CN)));
            List<String> before = messages(engine.decide(request, shipped, Language.ZH_CN));
            List<String> after = messages(engine.decide(request, draft, Language.ZH_CN));
            for (int i = 0; i < before.size(); i++) {
                if (before.get(i).startsWith("BUCKET_")) {
                    assertThat(after.get(i)).matches("BUCKET_\\S+ 已逾期\\d+天（M\\d\\+?）");
                } else {
                    assertThat(after.get(i)).isEqualTo(before.get(i));
                }
            }
            assertThat(messages(engine.decide(request, draft, Language.EN))).isEqualTo(messages(engine.decide(request, shipped, Language.EN)));
        }
    }

    private static List<String> messages(Decision decision) {
        return decision.reasons().stream().map(r -> r.code() + " " + r.message()).toList();
    }

    /** The decision as JSON without what differs between two decisions of one case: identity, time, version, words. */
    private static ObjectNode withoutWords(Decision decision) {
        ObjectNode node = json.valueToTree(decision);
        node.remove(List.of("decisionId", "decidedAt", "rulesetVersion"));
        node.path("reasons").forEach(r -> ((ObjectNode) r).remove("message"));
        return node;
    }
}

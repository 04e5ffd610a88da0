package org.autocollections.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;

import org.autocollections.api.CaseReader;
import org.autocollections.http.JsonSetup;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.History;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.LegalActionRecord;
import org.autocollections.portfolio.SyntheticPortfolio.DpdBand;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.autocollections.DatabaseFree;

/** The synthetic portfolio: reproducible, valid for the service, readable by the import, distributed as documented. */
@DatabaseFree
class SyntheticPortfolioTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 29);
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final CaseReader READER;

    static {
        new JsonSetup().customize(JSON);
        READER = new CaseReader(JSON, Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    }

    private static String write(long seed, boolean history, ImportFormat format, long count) throws IOException {
        StringWriter out = new StringWriter();
        new SyntheticPortfolio(seed, AS_OF, history).write(out, format, count);
        return out.toString();
    }

    /** Every case of a file, read by the import's own source and judged by the reader the API uses. */
    private static List<CollectionCase> imported(String file, ImportFormat format) throws IOException {
        List<CollectionCase> cases = new ArrayList<>();
        try (CaseSource source = format == ImportFormat.CSV ? new CsvSource(new StringReader(file), JSON.getNodeFactory())
                : new JsonLinesSource(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), JSON)) {
            for (CaseLine line = source.next(); line != null; line = source.next()) {
                assertThat(line.problem()).as("line %d", line.line()).isNull();
                cases.add(READER.read(line.node()));
            }
        }
        return cases;
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherCases() throws IOException {
        for (ImportFormat format : ImportFormat.values()) {
            String first = write(7, false, format, 500);
            assertThat(write(7, false, format, 500)).isEqualTo(first);
            assertThat(write(8, false, format, 500)).isNotEqualTo(first);
        }
        assertThat(write(7, true, ImportFormat.JSONL, 500)).isEqualTo(write(7, true, ImportFormat.JSONL, 500));
    }

    @Test
    void everyCaseWithItsHistoryPassesTheServicesValidation() throws IOException {
        String file = write(SyntheticPortfolio.DEFAULT_SEED, true, ImportFormat.JSONL, 2_000);
        for (String line : file.split("\n")) {
            assertThatCode(() -> READER.read(JSON.readTree(line))).as(line).doesNotThrowAnyException();
        }
    }

    @Test
    void theImportReadsBothFormatsBackToTheCasesGenerated() throws IOException {
        List<CollectionCase> generated = new SyntheticPortfolio(3, AS_OF, false).cases(2_000).toList();
        assertThat(imported(write(3, false, ImportFormat.JSONL, 2_000), ImportFormat.JSONL)).isEqualTo(generated);
        assertThat(imported(write(3, false, ImportFormat.CSV, 2_000), ImportFormat.CSV)).isEqualTo(generated);
    }

    @Test
    void aCsvPortfolioCarriesNoHistory() {
        assertThatThrownBy(() -> write(1, true, ImportFormat.CSV, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void historyAddsToACaseWithoutChangingIt() {
        List<CollectionCase> plain = new SyntheticPortfolio(5, AS_OF, false).cases(300).toList();
        List<CollectionCase> withHistory = new SyntheticPortfolio(5, AS_OF, true).cases(300).toList();
        for (int i = 0; i < plain.size(); i++) {
            CollectionCase c = withHistory.get(i);
            assertThat(new CollectionCase(c.caseId(), c.asOf(), c.jurisdiction(), c.borrower(), c.loan(), c.collateral(), null))
                    .isEqualTo(plain.get(i));
        }
    }

    @Test
    void caseIdsAreZeroPaddedSoTheySort() {
        List<String> ids = new SyntheticPortfolio(1, AS_OF, false).cases(12).map(CollectionCase::caseId).toList();
        assertThat(ids.get(0)).isEqualTo("SYN-0000001");
        assertThat(ids.get(11)).isEqualTo("SYN-0000012");
        assertThat(ids).isSorted();
    }

    @Test
    void daysPastDueJurisdictionsAndAmountsFollowTheDocumentedMix() {
        int n = 20_000;
        Map<DpdBand, Integer> bands = new EnumMap<>(DpdBand.class);
        int us = 0;
        for (CollectionCase c : new SyntheticPortfolio(SyntheticPortfolio.DEFAULT_SEED, AS_OF, false).cases(n).toList()) {
            LocalDate due = c.loan().oldestUnpaidDueDate();
            int dpd = due == null ? 0 : (int) ChronoUnit.DAYS.between(due, AS_OF);
            bands.merge(DpdBand.of(dpd), 1, Integer::sum);
            boolean isUs = c.jurisdiction() == Jurisdiction.US;
            us += isUs ? 1 : 0;
            assertThat(c.loan().currency()).isEqualTo(isUs ? "USD" : "CNY");
            assertThat(c.borrower().timeZone().startsWith("Asia/")).isEqualTo(!isUs);
            assertThat(c.loan().overdueAmount().signum() > 0).isEqualTo(dpd > 0);
            if (dpd > 0) {
                // At most the instalments that fell due since the oldest unpaid one.
                BigDecimal instalments = c.loan().monthlyInstalment().multiply(BigDecimal.valueOf((dpd + 29) / 30));
                assertThat(c.loan().overdueAmount()).isLessThanOrEqualTo(instalments);
            }
        }
        for (DpdBand band : DpdBand.values()) {
            double share = bands.getOrDefault(band, 0) / (double) n;
            assertThat(share).as(band.name()).isBetween(band.share - 0.012, band.share + 0.012);
        }
        assertThat(us / (double) n).isBetween(0.18, 0.22);
    }

    @Test
    void historyFollowsTheDelinquency() {
        for (CollectionCase c : new SyntheticPortfolio(11, AS_OF, true).cases(3_000).toList()) {
            History h = c.history();
            LocalDate due = c.loan().oldestUnpaidDueDate();
            long promises = h.contactsOrEmpty().stream().filter(a -> a.outcome() == ContactOutcome.PROMISE_TO_PAY).count();
            assertThat(h.brokenPromisesOrZero()).isLessThanOrEqualTo((int) promises);
            if (due == null) {
                assertThat(h.contactsOrEmpty()).isEmpty();
                assertThat(h.legalActionsOrEmpty()).isEmpty();
                continue;
            }
            h.contactsOrEmpty().forEach(a -> assertThat(a.at().toLocalDate()).isBetween(due, AS_OF.minusDays(1)));
            List<LocalDate> legal = h.legalActionsOrEmpty().stream().map(LegalActionRecord::on).toList();
            assertThat(legal).isSorted().allSatisfy(on -> assertThat(on).isBetween(due.plusDays(61), AS_OF.minusDays(1)));
        }
    }
}

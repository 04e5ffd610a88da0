package org.autocollections.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.autocollections.api.Decision;
import org.autocollections.api.NextActionType;
import org.autocollections.api.RiskRating;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Tag;
import org.autocollections.DatabaseFree;

/** However a portfolio is split into shards and chunks, its summary is the same. */
@Tag(DatabaseFree.TAG)
class RunTallyPropertiesTest {

    record Scored(Decision decision, String currency) {
    }

    @Property(tries = 200)
    void theTalliesOfTheShardsAddUpToTheTallyOfTheWholeRun(@ForAll("portfolios") List<Scored> cases,
            @ForAll @IntRange(min = 0, max = 100) int cutPercent) {
        int cut = cases.size() * cutPercent / 100;
        RunTally whole = tally(cases);

        RunTally shards = new RunTally().merge(tally(cases.subList(cut, cases.size()))).merge(tally(cases.subList(0, cut)));

        assertThat(shards).usingRecursiveComparison().isEqualTo(whole);
        assertThat(whole.decided).isEqualTo(cases.size());
        assertThat(whole.byBucket.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(cases.size());
    }

    private static RunTally tally(List<Scored> cases) {
        RunTally tally = new RunTally();
        cases.forEach(c -> tally.add(c.decision(), c.currency()));
        return tally;
    }

    @Provide
    Arbitrary<List<Scored>> portfolios() {
        Arbitrary<Decision> decisions = Combinators.combine(
                Arbitraries.of("M0", "M1", "M2", "M3", "M7+"),
                Arbitraries.of(RiskRating.class),
                Arbitraries.of(NextActionType.class),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999.999")).ofScale(3))
                .as((bucket, rating, action, exposure) -> new Decision("C", "d", null, "v", null,
                        new Decision.Overdue(1, bucket, null, null),
                        new Decision.Risk(rating, null, null, exposure, exposure.movePointLeft(1)), null, null, null,
                        new Decision.NextAction(action, 1, null), null, null));
        return Combinators.combine(decisions, Arbitraries.of("CNY", "USD")).as(Scored::new).list().ofMaxSize(40);
    }
}

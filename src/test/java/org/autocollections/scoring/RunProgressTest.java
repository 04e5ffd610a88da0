package org.autocollections.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** The figures a progress bar and a run's status show while a shard is scored. */
@DatabaseFree
class RunProgressTest {

    @Test
    void aCommittedChunkCountsItsCasesAndTellsTheMetricsDecidedAndFailedApart() {
        RunProgress progress = new RunProgress();
        List<long[]> told = new ArrayList<>();
        progress.listener = (decided, failed) -> told.add(new long[] { decided, failed });

        progress.committed(500, 3);
        progress.committed(200, 0);

        assertThat(progress.done()).isEqualTo(700);
        assertThat(progress.failed()).isEqualTo(3);
        assertThat(told).containsExactly(new long[] { 497, 3 }, new long[] { 200, 0 });
    }

    @Test
    void aResumedShardCountsTheCasesCommittedBeforeItStopped() {
        RunProgress progress = new RunProgress();
        progress.doneBefore = 1_600;
        progress.total = 5_000;

        progress.committed(900, 0);

        assertThat(progress.done()).isEqualTo(2_500);
        assertThat(progress.ratio()).isEqualTo(0.5);
    }

    @Test
    void theShareDoneIsZeroWhileTheTotalIsUnknownAndNeverAboveOne() {
        RunProgress progress = new RunProgress();
        progress.committed(10, 0);
        assertThat(progress.total()).isEqualTo(-1);
        assertThat(progress.ratio()).isZero();
        assertThat(progress.etaSeconds()).isEqualTo(-1);

        progress.total = 0;
        assertThat(progress.ratio()).isZero();

        // A shard may take cases stored after its total was counted.
        progress.total = 8;
        assertThat(progress.ratio()).isEqualTo(1.0);
        progress.total = 10;
        assertThat(progress.ratio()).isEqualTo(1.0);
    }
}

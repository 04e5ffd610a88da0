package org.autocollections.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.autocollections.DatabaseFree;
import org.autocollections.bulk.Shard;
import org.junit.jupiter.api.Test;

/**
 * A case's arm: the same wherever and whenever it is computed, in the shares agreed, and independent of the portfolio
 * shard the case falls in, so every shard of a run holds the arms in the same proportions.
 */
@DatabaseFree
class ArmAssignmentTest {

    private static final List<Integer> EIGHTY_TEN_TEN = List.of(8_000, 1_000, 1_000);
    private static final int CASES = 100_000;

    private static String id(int i) {
        return "SYN-" + String.format("%07d", i);
    }

    @Test
    void theSharesHoldWithinStatisticalNoiseOverAHundredThousandCases() {
        int[] counts = new int[3];
        IntStream.range(0, CASES).forEach(i -> counts[ArmAssignment.arm(ArmAssignment.key(7), id(i), EIGHTY_TEN_TEN)]++);
        for (int arm = 0; arm < 3; arm++) {
            assertWithinFourSigma(counts[arm], CASES, EIGHTY_TEN_TEN.get(arm) / 10_000.0, "arm " + arm);
        }
    }

    @Test
    void aCaseKeepsItsArmAndTheArmIsCrc32cOfTheExperimentKeyAndCaseId() {
        // the point is CRC-32C of "experiment-7:SYN-0000042" modulo 10000: any program can compute it again
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update("experiment-7:SYN-0000042".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ArmAssignment.point("experiment-7", "SYN-0000042")).isEqualTo((int) (crc.getValue() % 10_000));
        for (int i = 0; i < 1_000; i++) {
            assertThat(ArmAssignment.arm("experiment-7", id(i), EIGHTY_TEN_TEN))
                    .isEqualTo(ArmAssignment.arm("experiment-7", id(i), EIGHTY_TEN_TEN));
        }
    }

    @Test
    void everyShardOfARunHoldsTheArmsInTheAgreedShares() {
        int shards = 4;
        int[][] counts = new int[shards][3];
        int[] sizes = new int[shards];
        for (int i = 0; i < CASES; i++) {
            String caseId = id(i);
            int shard = Integer.remainderUnsigned(Shard.hash(caseId), shards);
            assertThat(new Shard(shard, shards).contains(caseId)).isTrue();
            sizes[shard]++;
            counts[shard][ArmAssignment.arm(ArmAssignment.key(7), caseId, EIGHTY_TEN_TEN)]++;
        }
        for (int s = 0; s < shards; s++) {
            for (int arm = 0; arm < 3; arm++) {
                assertWithinFourSigma(counts[s][arm], sizes[s], EIGHTY_TEN_TEN.get(arm) / 10_000.0, "shard " + s + " arm " + arm);
            }
        }
    }

    @Test
    void twoExperimentsSplitTheSameCasesIndependently() {
        // of the cases experiment 7 gives its first challenger (10 %), experiment 8 gives about 10 % to its own
        int both = 0;
        int inFirst = 0;
        for (int i = 0; i < CASES; i++) {
            if (ArmAssignment.arm(ArmAssignment.key(7), id(i), EIGHTY_TEN_TEN) == 1) {
                inFirst++;
                if (ArmAssignment.arm(ArmAssignment.key(8), id(i), EIGHTY_TEN_TEN) == 1) {
                    both++;
                }
            }
        }
        assertWithinFourSigma(both, inFirst, 0.10, "challenger of both experiments");
    }

    @Test
    void basisPointSharesSplitAsFinelyAsAgreed() {
        List<Integer> shares = List.of(9_950, 50); // 99.5 / 0.5
        int small = 0;
        for (int i = 0; i < CASES; i++) {
            small += ArmAssignment.arm("experiment-3", id(i), shares);
        }
        assertWithinFourSigma(small, CASES, 0.005, "a 0.5 % arm");
    }

    /** The count is within four standard deviations of a binomial(n, p): a true split fails this once in 15,000. */
    private static void assertWithinFourSigma(int count, int n, double p, String what) {
        double sigma = Math.sqrt(n * p * (1 - p));
        assertThat((double) count).as(what + ": " + count + " of " + n + ", expected " + n * p + " +- " + 4 * sigma)
                .isBetween(n * p - 4 * sigma, n * p + 4 * sigma);
    }
}

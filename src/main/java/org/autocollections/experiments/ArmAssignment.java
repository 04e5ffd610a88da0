package org.autocollections.experiments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A case's arm as a pure function of the experiment and the case id: CRC-32C (as portfolio shards use) of the UTF-8
 * bytes of "experimentKey:caseId", taken modulo 10,000 basis points and laid over the arms' shares in order. No lookup
 * decides it, so a case keeps its arm on every replica, in every shard and in every run for the experiment's life;
 * the experiment's key in the hash keeps its split independent of the shard split (which hashes the case id alone)
 * and of any other experiment's.
 */
public final class ArmAssignment {

    public static final int WHOLE = 10_000;

    private ArmAssignment() {
    }

    /** The point of the case in 0..9999 for the experiment. */
    public static int point(String experimentKey, String caseId) {
        CRC32C crc = new CRC32C();
        crc.update((experimentKey + ":" + caseId).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % WHOLE);
    }

    /** The index of the case's arm, given the arms' shares in basis points (summing to 10,000), in order. */
    public static int arm(String experimentKey, String caseId, List<Integer> sharesBasisPoints) {
        int point = point(experimentKey, caseId);
        int upTo = 0;
        for (int i = 0; i < sharesBasisPoints.size(); i++) {
            upTo += sharesBasisPoints.get(i);
            if (point < upTo) {
                return i;
            }
        }
        throw new IllegalArgumentException("the shares " + sharesBasisPoints + " do not add up to " + WHOLE);
    }

    /** The key an experiment hashes with: its id, so it is the same on every replica. */
    public static String key(long experimentId) {
        return "experiment-" + experimentId;
    }
}

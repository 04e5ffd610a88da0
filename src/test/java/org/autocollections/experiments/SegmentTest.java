package org.autocollections.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.autocollections.DatabaseFree;
import org.junit.jupiter.api.Test;

/** Two experiments may run at once only when no case could be in both segments. */
@DatabaseFree
class SegmentTest {

    private static Segment of(Set<String> buckets, Set<String> jurisdictions, Set<String> ratings) {
        return new Segment(buckets, jurisdictions, ratings);
    }

    @Test
    void segmentsThatShareABucketOverlapUnlessAnotherDimensionSeparatesThem() {
        Segment m1Cn = of(Set.of("M1"), Set.of("CN"), Set.of());
        assertThat(m1Cn.overlaps(of(Set.of("M1", "M2"), Set.of(), Set.of()))).isTrue();
        assertThat(m1Cn.overlaps(of(Set.of("M1"), Set.of("US"), Set.of()))).isFalse();
        assertThat(m1Cn.overlaps(of(Set.of("M2"), Set.of("CN"), Set.of()))).isFalse();
        assertThat(m1Cn.overlaps(of(Set.of(), Set.of(), Set.of("HIGH")))).isTrue();
    }

    @Test
    void everyCaseOverlapsEverySegment() {
        assertThat(Segment.EVERY_CASE.overlaps(of(Set.of("M7"), Set.of("US"), Set.of("LOW")))).isTrue();
        assertThat(Segment.EVERY_CASE.describe()).isEqualTo("every case");
        assertThat(of(Set.of("M2", "M1"), Set.of("CN"), Set.of()).describe()).isEqualTo("buckets M1, M2; jurisdictions CN");
    }
}

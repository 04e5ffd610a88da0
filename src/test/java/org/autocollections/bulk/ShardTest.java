package org.autocollections.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** The split of a portfolio among processes: stable across machines and releases, and even. */
@DatabaseFree
class ShardTest {

    @Test
    void theHashIsCrc32cOfTheCaseIdSoAnyProgramCanComputeIt() {
        // Published CRC-32C check value (RFC 3720, appendix B.4): "123456789" -> 0xE3069283.
        assertThat(Integer.toUnsignedLong(Shard.hash("123456789"))).isEqualTo(0xE3069283L);
        assertThat(new Shard(Integer.remainderUnsigned(0xE3069283, 3), 3).contains("123456789")).isTrue();
    }

    @Test
    void everyCaseIsInExactlyOneShardAndTheShardsAreEven() {
        int cases = 30_000;
        int[] sizes = new int[4];
        IntStream.range(0, cases).mapToObj(i -> "SYN-" + String.format("%07d", i)).forEach(id -> {
            int owners = 0;
            for (int s = 0; s < 4; s++) {
                if (new Shard(s, 4).contains(id)) {
                    owners++;
                    sizes[s]++;
                }
            }
            assertThat(owners).as(id).isEqualTo(1);
        });
        for (int size : sizes) {
            assertThat(size).isBetween(cases / 4 - 300, cases / 4 + 300);
        }
    }

    @Test
    void aShardIsWrittenIOverN() {
        assertThat(Shard.parse(" 2/3 ")).isEqualTo(new Shard(2, 3));
        assertThat(Shard.parse("0/1").contains("anything")).isTrue();
        assertThatThrownBy(() -> Shard.parse("3/3")).hasMessageContaining("not in 0..2");
        assertThatThrownBy(() -> Shard.parse("1")).hasMessageContaining("i/N");
        assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("i/N");
        assertThatThrownBy(() -> Shard.parse("0/0")).hasMessageContaining("between 1 and 10000");
    }
}

package org.autocollections.bulk;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One of N parts of the portfolio, by a stable hash of the case id: CRC-32C of its UTF-8 bytes, modulo N. The hash
 * depends on the id alone, never on the order or the number of cases, so N processes given 0/N ... N-1/N score
 * every case exactly once, on any machine and in any language that has CRC-32C (RFC 3720).
 */
public record Shard(int index, int count) {

    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || count > 10_000) {
            throw new IllegalArgumentException("the number of shards must be between 1 and 10000, not " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard index " + index + " is not in 0.." + (count - 1));
        }
    }

    /** "i/N", as {@code --shard 2/3} gives it. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a shard is written i/N, such as 0/3; not " + text);
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is written i/N, such as 0/3; not " + text);
        }
    }

    public static int hash(String caseId) {
        CRC32C crc = new CRC32C();
        crc.update(caseId.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    public boolean contains(String caseId) {
        return count == 1 || Integer.remainderUnsigned(hash(caseId), count) == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

package org.autocollections.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/** Every record ever written must stay readable for as long as records are kept. */
@DatabaseFree
class RecordPayloadTest {

    @Test
    void theDictionaryOfFormatOneNeverChanges() throws Exception {
        // records of format 1 are inflated with these exact bytes: a changed dictionary is a new format number
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(RecordPayload.DICTIONARY)))
                .isEqualTo(DICTIONARY_SHA256);
    }

    @Test
    void aPayloadReadsBackAsWritten() {
        byte[] json = "{\"request\":{\"caseId\":\"C-1\",\"loan\":{\"currency\":\"CNY\"}},\"decision\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] packed = RecordPayload.pack(json);
        assertThat(RecordPayload.unpack(packed)).isEqualTo(json);
        assertThat(packed.length).isLessThan(json.length);
    }

    @Test
    void aDamagedPayloadIsRefusedRatherThanMisread() {
        byte[] packed = RecordPayload.pack("{\"request\":{\"caseId\":\"C-1\"}}".getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(packed, packed.length - 3);
        assertThatThrownBy(() -> RecordPayload.unpack(truncated)).isInstanceOf(IllegalStateException.class);
        byte[] flipped = packed.clone();
        flipped[flipped.length - 1] ^= 1; // the zlib checksum
        assertThatThrownBy(() -> RecordPayload.unpack(flipped)).isInstanceOf(IllegalStateException.class);
        byte[] unknown = packed.clone();
        unknown[0] = 9;
        assertThatThrownBy(() -> RecordPayload.unpack(unknown)).hasMessageContaining("unknown format 9");
    }

    private static final String DICTIONARY_SHA256 = "d165c783c258b1ea42669a4e5587f065c9f3353901f06ff6161aefdd5715f310";
}

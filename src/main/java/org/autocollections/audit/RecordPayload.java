package org.autocollections.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The compact body of a decision record: its JSON deflated (zlib, with its checksum) against a preset dictionary of
 * the field names and values that recur in every record, so that even a small record compresses well. The first byte
 * names the format; format 1's dictionary is {@code audit/record-dictionary-1.jsonl} and must never change, since every
 * record written with it is read with it for as long as records are kept. A better dictionary is a new format number.
 */
public final class RecordPayload {

    static final byte FORMAT = 1;

    static final byte[] DICTIONARY = load("/audit/record-dictionary-1.jsonl");

    /**
     * One per thread, reset for each record: a new Deflater per record would allocate and free its native buffers
     * every time. The default level: level 9 gave 6 % smaller records for 20 % more CPU (docs/benchmarks.md).
     */
    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION));

    private RecordPayload() {
    }

    public static byte[] pack(byte[] json) {
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY);
        deflater.setInput(json);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
        out.write(FORMAT);
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return out.toByteArray();
    }

    public static byte[] unpack(byte[] payload) {
        if (payload.length == 0 || payload[0] != FORMAT) {
            throw new IllegalStateException("A decision record payload of unknown format "
                    + (payload.length == 0 ? "(empty)" : Byte.toString(payload[0])));
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(payload, 1, payload.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length * 6);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsDictionary()) {
                    inflater.setDictionary(DICTIONARY); // fails when the payload names another dictionary
                } else if (n == 0 && inflater.needsInput()) {
                    throw new IllegalStateException("A decision record payload is truncated");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("A decision record payload is corrupt: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] load(String resource) {
        try (InputStream in = RecordPayload.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.autocollections.portfolio;

import java.io.IOException;
import java.io.InputStream;

import org.autocollections.api.Message;
import org.autocollections.api.RaisedProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * JSON Lines: one case per line, UTF-8, blank lines skipped. Lines are cut from the byte stream and parsed one at a
 * time, so memory holds one line (at most {@value #MAX_LINE_BYTES} bytes) whatever the size of the file; a longer
 * line is refused on its own and the import goes on with the next.
 */
final class JsonLinesSource implements CaseSource {

    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final ObjectReader trees;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean eof;

    private byte[] line = new byte[8 * 1024];
    private int length;
    private boolean tooLong;
    private long number;

    JsonLinesSource(InputStream in, ObjectMapper json) {
        this.in = in;
        this.trees = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public CaseLine next() throws IOException {
        while (readLine()) {
            number++;
            if (tooLong) {
                return CaseLine.unreadable(number, RaisedProblem.of("line-too-long", "Line too long", 400,
                        Message.of("line-too-long.detail", MAX_LINE_BYTES)));
            }
            int start = 0;
            int end = length;
            if (number == 1 && end >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
                start = 3; // a byte-order mark
            }
            while (start < end && isBlank(line[start])) {
                start++;
            }
            while (end > start && isBlank(line[end - 1])) {
                end--;
            }
            if (start == end) {
                continue;
            }
            try {
                JsonNode node = trees.readTree(line, start, end - start);
                return CaseLine.read(number, node);
            } catch (JsonProcessingException e) {
                Message detail = e.getLocation() == null ? Message.of("malformed-json.detail.line", e.getOriginalMessage())
                        : Message.of("malformed-json.detail.line-column", e.getLocation().getColumnNr(), e.getOriginalMessage());
                return CaseLine.unreadable(number, RaisedProblem.of("malformed-json", "Malformed JSON", 400, detail));
            }
        }
        return null;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    /** Reads up to the next newline into {@link #line}; false at the end of the input. */
    private boolean readLine() throws IOException {
        length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    return any;
                }
            }
            any = true;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            append(position, end - position);
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                return true;
            }
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        while (read == 0) {
            read = in.read(buffer, 0, buffer.length);
        }
        if (read < 0) {
            eof = true;
            position = limit = 0;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private void append(int from, int count) {
        if (tooLong || count == 0) {
            return;
        }
        if (length + count > MAX_LINE_BYTES) {
            tooLong = true;
            length = 0;
            return;
        }
        if (length + count > line.length) {
            byte[] bigger = new byte[Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, length + count))];
            System.arraycopy(line, 0, bigger, 0, length);
            line = bigger;
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

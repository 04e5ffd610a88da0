package org.autocollections.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;

/**
 * Refuses a JSON body whose bytes are not UTF-8 (RFC 3629) before the JSON reader decodes them. The reader takes an
 * overlong form such as {@code C0 AF} for the character it spells ({@code /}), so a text could reach the service as
 * something other than the bytes a filter in front of it saw. A body opening with a UTF-16 or UTF-32 byte-order mark
 * is left to the reader, which decodes it by the mark.
 */
final class StrictUtf8 extends InputDecorator {

    private static final long serialVersionUID = 1L;

    @Override
    public InputStream decorate(IOContext context, InputStream in) {
        return new Checked(in);
    }

    @Override
    public InputStream decorate(IOContext context, byte[] bytes, int offset, int length) throws IOException {
        Checked check = new Checked(InputStream.nullInputStream());
        for (int i = offset; i < offset + length; i++) {
            check.accept(bytes[i] & 0xFF);
        }
        check.end();
        return null; // the bytes are read as they are
    }

    @Override
    public Reader decorate(IOContext context, Reader reader) {
        return reader; // already characters
    }

    /** Checks each byte as it is read: what the sequence begun so far allows next. */
    private static final class Checked extends FilterInputStream {

        private long position;
        /** Continuation bytes still due in the current sequence. */
        private int due;
        /** The range the next continuation byte must fall in (narrower after E0, ED, F0 and F4). */
        private int low = 0x80;
        private int high = 0xBF;
        private boolean unchecked;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                end();
            } else {
                accept(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                end();
            }
            for (int i = offset; i < offset + n; i++) {
                accept(buffer[i] & 0xFF);
            }
            return n;
        }

        void accept(int b) throws IOException {
            if (position++ == 0 && (b == 0xFE || b == 0xFF)) {
                unchecked = true; // a UTF-16 or UTF-32 byte-order mark
            }
            if (unchecked) {
                return;
            }
            if (due > 0) {
                if (b < low || b > high) {
                    fail(b);
                }
                due--;
                low = 0x80;
                high = 0xBF;
                return;
            }
            if (b < 0x80) {
                return;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                due = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                due = 2;
                low = b == 0xE0 ? 0xA0 : 0x80; // below: an overlong form
                high = b == 0xED ? 0x9F : 0xBF; // above: a surrogate
            } else if (b >= 0xF0 && b <= 0xF4) {
                due = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF; // above: past U+10FFFF
            } else {
                fail(b);
            }
        }

        void end() throws IOException {
            if (due > 0 && !unchecked) {
                throw new JsonParseException((com.fasterxml.jackson.core.JsonParser) null, "Invalid UTF-8: the body ends inside a character");
            }
        }

        private void fail(int b) throws IOException {
            throw new JsonParseException((com.fasterxml.jackson.core.JsonParser) null, String.format("Invalid UTF-8: byte 0x%02X at offset %d", b, position - 1));
        }
    }
}

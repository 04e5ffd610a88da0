package org.autocollections.http;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/**
 * Values JSON can carry but the service cannot work with are refused as they are read, naming their field: a number
 * that would take more than 1,000 digits to write out ({@code 1e-10000}: every amount is written plainly), and a date
 * or timestamp outside the years 1 to 9999 ({@code +999999999-12-31}: counting days from it overflows). A date or
 * timestamp is an ISO-8601 string, never a number of days or seconds.
 */
final class BoundedValues {

    static final int MAX_DIGITS = 1000;
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;
    static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private BoundedValues() {
    }

    static SimpleModule module() {
        return new SimpleModule("bounded-values")
                .addDeserializer(BigDecimal.class, new Bounded<>(BigDecimal.class, NumberDeserializers.BigDecimalDeserializer.instance, false,
                        n -> n.scale() <= MAX_DIGITS && n.precision() - n.scale() <= MAX_DIGITS,
                        "must be a number of at most " + MAX_DIGITS + " digits written out"))
                .addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE, true,
                        d -> d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR,
                        "must be a date between 0001-01-01 and 9999-12-31"))
                .addDeserializer(OffsetDateTime.class, new Bounded<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME, true,
                        t -> t.getYear() >= MIN_YEAR && t.getYear() <= MAX_YEAR,
                        "must be a timestamp between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"))
                // PostgreSQL text cannot hold U+0000: refused here with its field, not by the database with a 500.
                .addDeserializer(String.class, new Bounded<>(String.class,
                        com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance, false,
                        text -> text.indexOf('\u0000') < 0, NUL_MESSAGE));
    }

    /** Reads with the usual deserializer (and its per-field settings), then refuses a value outside the bounds. */
    private static final class Bounded<T> extends StdDeserializer<T> implements ContextualDeserializer {

        private final transient JsonDeserializer<? extends T> delegate;
        private final boolean textOnly;
        private final transient Predicate<T> within;
        private final String message;

        Bounded(Class<T> type, JsonDeserializer<? extends T> delegate, boolean textOnly, Predicate<T> within, String message) {
            super(type);
            this.delegate = delegate;
            this.textOnly = textOnly;
            this.within = within;
            this.message = message;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
            JsonDeserializer<? extends T> contextual = delegate instanceof ContextualDeserializer c
                    ? (JsonDeserializer<? extends T>) c.createContextual(ctxt, property)
                    : delegate;
            return contextual == delegate ? this : new Bounded<>((Class<T>) handledType(), contextual, textOnly, within, message);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (textOnly && !p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            T value = delegate.deserialize(p, ctxt);
            if (value != null && !within.test(value)) {
                throw JsonMappingException.from(p, message);
            }
            return value;
        }
    }
}

package org.autocollections.ruleset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One cell of the wording file, read once when the ruleset is compiled: text with the reason's parameters in braces,
 * {@code {days}}, or formatted for the reader's language, {@code {amount,money}}; and text in square brackets shown
 * only when the parameters it names have a value, with alternatives after {@code |}: {@code [{by}|{from}, the oldest
 * unpaid due date,]} gives the first alternative whose parameters all have values. Brackets may nest.
 */
final class WordingTemplate {

    /** How a parameter's value is written. */
    enum Format {
        /** As the value is: a decimal without exponent and as many decimals as it has, a date as 2026-11-29. */
        PLAIN,
        /** An amount to the cent with the currency's symbol and the language's separators: ¥8,600.00. */
        MONEY,
        /** A number with the language's separators, its decimals kept: 8,600. */
        NUMBER,
        /** A rate as a percentage: 0.068 is 6.8%. */
        PERCENT,
        /** A date (of an instant, its UTC date) as the language writes it in full: 2026年11月29日. */
        DATE,
        /** An instant as that date and its UTC time: 2026年11月29日 02:00 UTC. */
        DATETIME,
        /** A whole number with its sign, + for zero and above. */
        SIGNED;

        static Format named(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("'" + name + "' is no format; formats: money, number, percent, date, "
                    + "datetime, signed");
        }
    }

    private sealed interface Part permits Text, Parameter, Choice {
    }

    private record Text(String text) implements Part {
    }

    private record Parameter(String name, Format format) implements Part {
    }

    /** The alternatives of a bracket; each alternative's own parameters (not those of brackets within) decide. */
    private record Choice(List<List<Part>> alternatives, List<List<String>> needs) implements Part {
    }

    private final List<Part> parts;
    private final Set<String> parameters;

    private WordingTemplate(List<Part> parts, Set<String> parameters) {
        this.parts = parts;
        this.parameters = parameters;
    }

    /** Every parameter the template names, brackets included. */
    Set<String> parameters() {
        return parameters;
    }

    /** @throws IllegalArgumentException saying what is wrong, for an analyst to fix the cell */
    static WordingTemplate parse(String text) {
        Set<String> names = new LinkedHashSet<>();
        Reader reader = new Reader(text, names);
        List<Part> parts = reader.sequence();
        if (reader.at < text.length()) {
            char c = text.charAt(reader.at);
            throw new IllegalArgumentException("'" + c + "' at character " + (reader.at + 1) + (c == '|'
                    ? " separates alternatives only inside [ ]" : " closes no '" + (c == '}' ? '{' : '[') + "'"));
        }
        return new WordingTemplate(List.copyOf(parts), Set.copyOf(names));
    }

    private static final class Reader {
        private final String text;
        private final Set<String> names;
        private int at;

        Reader(String text, Set<String> names) {
            this.text = text;
            this.names = names;
        }

        /** Parts up to the end, or inside a bracket up to its '|' or ']'. */
        List<Part> sequence() {
            List<Part> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == ']' || c == '|' || c == '}') {
                    break; // the bracket's end or next alternative; anywhere else, parse() refuses it
                }
                if (c == '{' || c == '[') {
                    if (!literal.isEmpty()) {
                        parts.add(new Text(literal.toString()));
                        literal.setLength(0);
                    }
                    parts.add(c == '{' ? parameter() : choice());
                    continue;
                }
                literal.append(c);
                at++;
            }
            if (!literal.isEmpty()) {
                parts.add(new Text(literal.toString()));
            }
            return parts;
        }

        private Parameter parameter() {
            int open = at;
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("the '{' at character " + (open + 1) + " is never closed with '}'");
            }
            String inside = text.substring(open + 1, close);
            at = close + 1;
            int comma = inside.indexOf(',');
            String name = (comma < 0 ? inside : inside.substring(0, comma)).strip();
            if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException("'{" + inside + "}' names no parameter: write {name} or {name,format}");
            }
            names.add(name);
            return new Parameter(name, comma < 0 ? Format.PLAIN : Format.named(inside.substring(comma + 1).strip()));
        }

        private Choice choice() {
            int open = at++;
            List<List<Part>> alternatives = new ArrayList<>();
            List<List<String>> needs = new ArrayList<>();
            while (true) {
                List<Part> alternative = sequence();
                alternatives.add(List.copyOf(alternative));
                needs.add(alternative.stream().filter(Parameter.class::isInstance).map(p -> ((Parameter) p).name()).toList());
                if (at >= text.length() || text.charAt(at) == '}') {
                    throw new IllegalArgumentException("the '[' at character " + (open + 1) + " is never closed with ']'");
                }
                if (text.charAt(at++) == ']') {
                    return new Choice(List.copyOf(alternatives), List.copyOf(needs));
                }
            }
        }
    }

    /** The words, with each parameter's value as {@code values} gives it (null for none). */
    String render(Function<String, Object> values, Writing writing) {
        StringBuilder out = new StringBuilder(64);
        render(parts, values, writing, out);
        return out.toString();
    }

    private static void render(List<Part> parts, Function<String, Object> values, Writing writing, StringBuilder out) {
        for (Part part : parts) {
            if (part instanceof Text t) {
                out.append(t.text());
            } else if (part instanceof Parameter p) {
                Object value = values.apply(p.name());
                if (value != null) {
                    writing.write(value, p.format(), out);
                }
            } else if (part instanceof Choice choice) {
                for (int i = 0; i < choice.alternatives().size(); i++) {
                    if (allPresent(choice.needs().get(i), values)) {
                        render(choice.alternatives().get(i), values, writing, out);
                        break;
                    }
                }
            }
        }
    }

    private static boolean allPresent(List<String> names, Function<String, Object> values) {
        for (String name : names) {
            if (values.apply(name) == null) {
                return false;
            }
        }
        return true;
    }

    /** How values are written for one reader: the language's separators and dates, the case's currency. */
    record Writing(Locale locale, Currency currency) {

        void write(Object value, Format format, StringBuilder out) {
            switch (format) {
                case PLAIN -> out.append(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
                case MONEY -> {
                    if (value instanceof Number n) {
                        out.append(currency == null ? "" : currency.getSymbol(locale)).append(grouped(decimal(n), 2, 2));
                    } else {
                        write(value, Format.PLAIN, out);
                    }
                }
                case NUMBER -> {
                    if (value instanceof Number n) {
                        BigDecimal d = decimal(n);
                        out.append(grouped(d, Math.max(0, d.scale()), Math.max(0, d.scale())));
                    } else {
                        write(value, Format.PLAIN, out);
                    }
                }
                case PERCENT -> {
                    if (value instanceof Number n) {
                        out.append(decimal(n).movePointRight(2).stripTrailingZeros().toPlainString()).append('%');
                    } else {
                        write(value, Format.PLAIN, out);
                    }
                }
                case DATE -> out.append(date(value));
                case DATETIME -> out.append(value instanceof Instant i
                        ? date(i) + " " + DateTimeFormatter.ofPattern("HH:mm").format(i.atZone(ZoneOffset.UTC)) + " UTC"
                        : date(value));
                case SIGNED -> out.append(value instanceof Number n && decimal(n).signum() >= 0 ? "+" : "")
                        .append(value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
                default -> throw new IllegalStateException(format.name());
            }
        }

        private String date(Object value) {
            LocalDate day = value instanceof Instant i ? i.atZone(ZoneOffset.UTC).toLocalDate()
                    : value instanceof LocalDate d ? d : null;
            return day == null ? String.valueOf(value)
                    : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
        }

        private String grouped(BigDecimal amount, int minDecimals, int maxDecimals) {
            DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
            format.setGroupingUsed(true);
            format.setMinimumFractionDigits(minDecimals);
            format.setMaximumFractionDigits(maxDecimals);
            format.setRoundingMode(RoundingMode.HALF_EVEN);
            return format.format(amount);
        }

        private static BigDecimal decimal(Number n) {
            return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
        }
    }
}

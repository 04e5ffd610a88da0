package org.autocollections.api;

import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Whether a report is asked for as CSV (format=csv, or Accept: text/csv), and the CSV file that answers it. */
public final class CsvAnswer {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    private CsvAnswer() {
    }

    /** format wins over Accept; a browser's Accept of anything is not a request for CSV. */
    public static boolean wanted(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidRequestException("format", Message.of("field.json-or-csv"));
            };
        }
        return headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(CSV) && !m.isWildcardType());
    }

    public static Response file(StreamingOutput body, String name) {
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}

package org.autocollections.portfolio;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

/** The two shapes of a portfolio file: JSON Lines (one case per line) and CSV (one case per row). */
public enum ImportFormat {

    JSONL("application/x-ndjson"),
    CSV("text/csv");

    public static final String JSONL_MEDIA_TYPE = "application/x-ndjson";
    public static final String CSV_MEDIA_TYPE = "text/csv";

    private final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ImportFormat> ofMediaType(MediaType type) {
        if (type == null) {
            return Optional.empty();
        }
        String bare = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        for (ImportFormat f : values()) {
            if (f.mediaType.equals(bare)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** jsonl or csv, as given on the command line. */
    public static Optional<ImportFormat> ofName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jsonl", "ndjson", "json-lines", "jsonlines" -> Optional.of(JSONL);
            case "csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }

    /** From a file name: .jsonl or .ndjson, or .csv; a trailing .gz is looked through. */
    public static Optional<ImportFormat> ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }
}

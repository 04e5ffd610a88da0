package org.autocollections.regression;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The example cases that corpus cases and scenario sheets build on (docs/examples, packaged as corpus/examples).
 * A base is found by its file name alone, so "docs/examples/case-m2.json" and "case-m2.json" name the same case
 * in the repository and in the packaged service.
 */
final class CorpusExamples {

    static final String DEFAULT_BASE = "case-m2.json";
    private static final String ROOT = "corpus/examples/";

    private CorpusExamples() {
    }

    /** A fresh copy of the base case, or empty when there is no example of that name. */
    static Optional<JsonNode> base(ObjectMapper json, String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        if (file.isBlank() || file.startsWith(".") || !file.endsWith(".json")) {
            return Optional.empty();
        }
        try (InputStream in = CorpusExamples.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            return in == null ? Optional.empty() : Optional.of(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("The example case " + file + " does not read", e);
        }
    }
}

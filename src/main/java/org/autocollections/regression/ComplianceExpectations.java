package org.autocollections.regression;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The golden corpus's compliance expectations, as {@code corpus/compliance.json} marks them: for each family of cases
 * (by file-name prefix) the pointers that are the law or a regulator's guideline rather than a strategy. Contact caps
 * and quiet hours, refused channels, flags that hold collection and legal-ladder guards are not experimented with:
 * every arm of an experiment must meet them.
 */
final class ComplianceExpectations {

    private static final String RESOURCE = "corpus/compliance.json";

    private final Map<String, Set<String>> pointersByPrefix;

    private ComplianceExpectations(Map<String, Set<String>> pointersByPrefix) {
        this.pointersByPrefix = pointersByPrefix;
    }

    static ComplianceExpectations read(ObjectMapper json) {
        try (InputStream in = ComplianceExpectations.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The compliance marking of the corpus is not packaged (" + RESOURCE + ")");
            }
            Map<String, Set<String>> byPrefix = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.readTree(in).path("families").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> family = it.next();
                List<String> pointers = new ArrayList<>();
                family.getValue().path("pointers").forEach(p -> pointers.add(p.asText()));
                byPrefix.put(family.getKey(), Set.copyOf(pointers));
            }
            return new ComplianceExpectations(byPrefix);
        } catch (IOException e) {
            throw new UncheckedIOException("The compliance marking of the corpus cannot be read", e);
        }
    }

    /** The corpus case with only its compliance expectations, or null when it has none. */
    RegressionCase of(RegressionCase corpusCase) {
        for (Map.Entry<String, Set<String>> family : pointersByPrefix.entrySet()) {
            if (corpusCase.name().startsWith(family.getKey())) {
                List<Expectation> kept = corpusCase.expectations().stream()
                        .filter(e -> family.getValue().contains(e.pointer())).toList();
                return kept.isEmpty() ? null : new RegressionCase(corpusCase.source(), corpusCase.name(),
                        corpusCase.row(), corpusCase.request(), kept);
            }
        }
        return null;
    }
}

package org.autocollections.regression;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The golden corpus the service ships (corpus/cases): each file holds a {@code case}, or a {@code base} example and a
 * JSON merge patch {@code merge} on it, and {@code expect}: JSON pointers into the decision with the value each must
 * have, and the decision's {@code reasonCodes}, compared as {@link Expectation} says. Read once; the corpus changes
 * only with a release.
 */
@ApplicationScoped
public class GoldenCorpus {

    static final String SOURCE = "corpus";
    private static final String ROOT = "corpus/cases";

    @Inject
    ObjectMapper json;

    private volatile List<RegressionCase> cases;

    /** Every case of the corpus, in file-name order. */
    public List<RegressionCase> cases() {
        List<RegressionCase> known = cases;
        if (known == null) {
            known = List.copyOf(read());
            cases = known;
        }
        return known;
    }

    private List<RegressionCase> read() {
        URL url = GoldenCorpus.class.getClassLoader().getResource(ROOT);
        if (url == null) {
            throw new IllegalStateException("The golden corpus is not packaged with the service (" + ROOT + ")");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return read(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return read(jar.provider().getPath(uri));
            } catch (FileSystemAlreadyExistsException e) {
                return read(FileSystems.getFileSystem(uri).provider().getPath(uri));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The golden corpus cannot be read", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The golden corpus cannot be found at " + url, e);
        }
    }

    private List<RegressionCase> read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<RegressionCase> read = new ArrayList<>(files.size());
        for (Path file : files) {
            read.add(caseOf(file.getFileName().toString(), json.readTree(Files.readAllBytes(file))));
        }
        return read;
    }

    private RegressionCase caseOf(String name, JsonNode spec) {
        JsonNode request;
        if (spec.has("case")) {
            request = spec.get("case");
        } else {
            String base = spec.path("base").asText();
            JsonNode example = CorpusExamples.base(json, base).orElseThrow(() -> new IllegalStateException(
                    "Corpus case " + name + " names the base " + base + ", which is not among the examples"));
            request = JsonMergePatch.apply(example, spec.path("merge"));
        }
        List<Expectation> expectations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("expect").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            expectations.add(Expectation.of(e.getKey(), e.getValue()));
        }
        return new RegressionCase(SOURCE, name, null, request, expectations);
    }
}

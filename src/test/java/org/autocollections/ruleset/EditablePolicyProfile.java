package org.autocollections.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs the service on a private copy of the shipped rules and tables, which a test may edit as an analyst would.
 */
public class EditablePolicyProfile implements QuarkusTestProfile {

    public static final Path ROOT = Path.of("target", "editable-policy");

    @Override
    public Map<String, String> getConfigOverrides() {
        copy(Path.of("rules"), ROOT.resolve("rules"));
        copy(Path.of("decision-tables"), ROOT.resolve("decision-tables"));
        return Map.of("collections.policy.rules-dir", ROOT.resolve("rules").toString(),
                "collections.policy.tables-dir", ROOT.resolve("decision-tables").toString());
    }

    public static void restore() {
        copy(Path.of("rules"), ROOT.resolve("rules"));
        copy(Path.of("decision-tables"), ROOT.resolve("decision-tables"));
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> old = Files.list(to)) {
                    for (Path p : old.toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

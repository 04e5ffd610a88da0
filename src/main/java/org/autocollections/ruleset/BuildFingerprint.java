package org.autocollections.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.autocollections.policy.CaseFacts;
import org.autocollections.tables.Hashes;

/**
 * What a compiled ruleset depends on besides its own files: the Drools release that generated it and this service's
 * build, whose fact classes the executable model's generated classes were compiled against. A new release of either
 * gives a new fingerprint, so a ruleset compiled by an older build is never loaded by a newer one.
 */
final class BuildFingerprint {

    private static volatile Optional<String> known;

    private BuildFingerprint() {
    }

    /** The fingerprint of this build, or none where the fact classes cannot be read (then nothing is cached). */
    static Optional<String> current() {
        Optional<String> value = known;
        if (value == null) {
            value = compute();
            known = value;
        }
        return value;
    }

    private static Optional<String> compute() {
        Optional<String> drools = droolsVersion();
        if (drools.isEmpty()) {
            return Optional.empty();
        }
        MessageDigest digest = Hashes.digest();
        digest.update(drools.get().getBytes(StandardCharsets.UTF_8));
        URL facts = CaseFacts.class.getResource(CaseFacts.class.getSimpleName() + ".class");
        if (facts == null) {
            return Optional.empty();
        }
        try {
            String url = facts.toString();
            if (url.startsWith("jar:file:")) {
                // The application's own jar: every fact class, and whatever the rules call, is in it.
                Path jar = Path.of(new URL(url.substring(4, url.indexOf("!/"))).toURI());
                digest.update(Files.readAllBytes(jar));
            } else if (url.startsWith("file:")) {
                // A class folder (tests, dev mode): the package folder's root is the folder of the build's classes.
                Path file = Path.of(facts.toURI());
                int depth = CaseFacts.class.getName().split("\\.").length;
                Path root = file;
                for (int i = 0; i < depth; i++) {
                    root = root.getParent();
                }
                hashClasses(root, digest);
            } else {
                return Optional.empty();
            }
        } catch (IOException | URISyntaxException | UncheckedIOException e) {
            return Optional.empty();
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }

    private static void hashClasses(Path root, MessageDigest digest) throws IOException {
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : classes) {
            digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
    }

    private static Optional<String> droolsVersion() {
        try (InputStream in = org.drools.core.reteoo.ReteooBuilder.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties pom = new Properties();
            pom.load(in);
            return Optional.ofNullable(pom.getProperty("version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

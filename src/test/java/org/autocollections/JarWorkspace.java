package org.autocollections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A folder and a {@link ServiceDatabase} of each test's own, for the packaged jar it starts: registered with
 * {@code @RegisterExtension}, made before each test and removed after it.
 */
public final class JarWorkspace implements BeforeEachCallback, AfterEachCallback {

    private Path dir;
    private ServiceDatabase database;

    public Path dir() {
        return dir;
    }

    public ServiceDatabase database() {
        return database;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("collections-it-");
        database = ServiceDatabase.create(dir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            database.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a file still held open by a process that did not end is left for the system's temp cleaner
            }
        }
    }
}

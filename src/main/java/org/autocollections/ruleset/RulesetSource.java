package org.autocollections.ruleset;

import org.autocollections.tables.PolicyFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.autocollections.tables.TableFormat;

/**
 * Where the ruleset's files come from: the rules and decision-tables folders an analyst edits, or, when the
 * service runs somewhere without them, the copies packaged in the application.
 */
public final class RulesetSource {

    static final String BUNDLED_ROOT = "policy/";

    private final Path rulesDir;
    private final Path tablesDir;
    private final boolean explicit;

    /**
     * @param explicit whether the folders were configured: then they must exist. The defaults fall back to the
     *                 bundled copies when the working directory has no such folders.
     */
    public RulesetSource(Path rulesDir, Path tablesDir, boolean explicit) {
        this.rulesDir = rulesDir;
        this.tablesDir = tablesDir;
        this.explicit = explicit;
    }

    public record Loaded(String origin, List<PolicyFile> files) {
    }

    public Loaded load() {
        if (Files.isDirectory(rulesDir) || Files.isDirectory(tablesDir) || explicit) {
            List<PolicyFile> files = new ArrayList<>();
            files.addAll(readDir(rulesDir, "rules/"));
            files.addAll(readDir(tablesDir, "decision-tables/"));
            return new Loaded("folders " + rulesDir.toAbsolutePath().normalize() + " and "
                    + tablesDir.toAbsolutePath().normalize(), files);
        }
        return new Loaded("bundled with the service", bundled());
    }

    private List<PolicyFile> readDir(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            if (explicit) {
                throw new IllegalStateException("Configured policy folder " + dir.toAbsolutePath() + " does not exist");
            }
            return List.of();
        }
        return readTree(dir, prefix);
    }

    private static List<PolicyFile> readTree(Path dir, String prefix) {
        try (Stream<Path> paths = Files.walk(dir, 1)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> isPolicyFile(p.getFileName().toString()))
                    .sorted()
                    .map(p -> new PolicyFile(prefix + p.getFileName(), readAll(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /** Office writes lock files (~$name.xlsx) beside an open workbook; they are not tables. */
    static boolean isPolicyFile(String name) {
        return !name.startsWith("~$") && !name.startsWith(".") && (name.endsWith(".drl") || TableFormat.of(name).isPresent()
                || Wording.isWordingFile(name));
    }

    private static byte[] readAll(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static List<PolicyFile> bundled() {
        List<PolicyFile> files = new ArrayList<>();
        for (String folder : List.of("rules", "decision-tables")) {
            URL url = RulesetSource.class.getClassLoader().getResource(BUNDLED_ROOT + folder);
            if (url == null) {
                continue;
            }
            try {
                URI uri = url.toURI();
                if ("jar".equals(uri.getScheme())) {
                    try (FileSystem jar = newOrExisting(uri)) {
                        files.addAll(readTree(jar.provider().getPath(uri), folder + "/"));
                    }
                } else {
                    files.addAll(readTree(Path.of(uri), folder + "/"));
                }
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException("Cannot read the bundled " + folder + " at " + url, e);
            }
        }
        return files;
    }

    private static FileSystem newOrExisting(URI uri) throws IOException {
        return FileSystems.newFileSystem(uri, Map.of());
    }
}

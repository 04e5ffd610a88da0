package org.autocollections.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.autocollections.api.RulesetProblem;
import org.autocollections.tables.Hashes;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Compiled rulesets kept on disk, so a version compiled once starts in a fraction of its compile time: in the service,
 * in every command of the CLI, and in every test JVM. One file per entry, named by version, rule model and build,
 * and holding what the compile produced that the files alone do not give back cheaply: the compiled rules (a KIE
 * module jar), where each rule is written, and the warnings.
 * <p>
 * An entry is written to a temporary file and moved into place, so a reader (another process included) sees a whole
 * entry or none; it ends with a SHA-256 of itself, so a truncated or damaged one is noticed, removed and compiled
 * again. Only the most recently used entries are kept.
 */
public final class RulesetCache {

    private static final Logger LOG = Logger.getLogger(RulesetCache.class);
    private static final String SUFFIX = ".ruleset";
    private static final String TEMP_PREFIX = ".writing-";
    private static final int FORMAT = 1;
    /** A temporary file this old was left by a process that died while writing. */
    private static final Duration ABANDONED = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** What a compile gives besides the files it read. */
    record Entry(byte[] kjar, Map<String, String> sources, List<RulesetProblem> warnings) {
    }

    /** What an entry holds besides the compiled rules, as JSON. */
    private record Index(Map<String, String> sources, List<RulesetProblem> warnings) {
    }

    private final Path dir;
    private final int keep;

    /**
     * @param keep how many entries to keep, the most recently used; 0 keeps none and reads none
     */
    public RulesetCache(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    boolean enabled() {
        return keep > 0;
    }

    /** The entry of that key, or none when there is none or it cannot be trusted (then it is removed). */
    Optional<Entry> read(Key key) {
        if (!enabled()) {
            return Optional.empty();
        }
        Path file = fileOf(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warnf("Compiled ruleset %s cannot be read (%s); compiling it", file, e.getMessage());
            return Optional.empty();
        }
        try {
            Entry entry = decode(bytes, key);
            touch(file);
            return Optional.of(entry);
        } catch (IOException | RuntimeException e) {
            discard(key, e.getMessage());
            return Optional.empty();
        }
    }

    /** Removes an entry found unusable, so the next compile writes a good one. */
    void discard(Key key, String why) {
        Path file = fileOf(key);
        LOG.warnf("Compiled ruleset %s is unusable (%s): removed, compiling the version again", file, why);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Cannot remove %s: %s", file, e.getMessage());
        }
    }

    /** Keeps an entry; failing to is logged, never fatal: the ruleset compiled and serves either way. */
    void write(Key key, Entry entry) {
        if (!enabled()) {
            return;
        }
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, TEMP_PREFIX, SUFFIX);
            Files.write(temp, encode(key, entry));
            try {
                Files.move(temp, fileOf(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, fileOf(key), StandardCopyOption.REPLACE_EXISTING);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Compiled ruleset %s not kept: %s", fileOf(key), e.getMessage());
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do: an abandoned temporary file is removed by a later prune
                }
            }
        }
    }

    Path fileOf(Key key) {
        return dir.resolve(key.fileName());
    }

    private static byte[] encode(Key key, Entry entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entry.kjar().length + 16_384);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(key.text());
            byte[] index = JSON.writeValueAsBytes(new Index(entry.sources(), entry.warnings()));
            out.writeInt(index.length);
            out.write(index);
            out.writeInt(entry.kjar().length);
            out.write(entry.kjar());
        }
        byte[] body = bytes.toByteArray();
        byte[] sum = Hashes.sha256(body);
        byte[] whole = Arrays.copyOf(body, body.length + sum.length);
        System.arraycopy(sum, 0, whole, body.length, sum.length);
        return whole;
    }

    private static Entry decode(byte[] whole, Key key) throws IOException {
        int sumLength = 32;
        if (whole.length < sumLength + 4) {
            throw new IOException("truncated: " + whole.length + " bytes");
        }
        byte[] body = Arrays.copyOf(whole, whole.length - sumLength);
        byte[] sum = Arrays.copyOfRange(whole, whole.length - sumLength, whole.length);
        if (!MessageDigest.isEqual(sum, Hashes.sha256(body))) {
            throw new IOException("checksum mismatch: truncated or damaged");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("written in format " + format + ", read in format " + FORMAT);
            }
            String text = in.readUTF();
            if (!text.equals(key.text())) {
                throw new IOException("compiled for " + text + ", wanted " + key.text());
            }
            Index index = JSON.readValue(in.readNBytes(in.readInt()), new TypeReference<Index>() {
            });
            byte[] kjar = in.readNBytes(in.readInt());
            return new Entry(kjar, index.sources(), index.warnings());
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the order of pruning suffers
        }
    }

    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = files.toList();
        }
        Instant abandoned = Instant.now().minus(ABANDONED);
        for (Path file : entries) {
            String name = file.getFileName().toString();
            if (name.startsWith(TEMP_PREFIX) && modified(file).toInstant().isBefore(abandoned)) {
                Files.deleteIfExists(file);
            }
        }
        List<Path> kept = entries.stream().filter(f -> f.getFileName().toString().endsWith(SUFFIX)
                && !f.getFileName().toString().startsWith(TEMP_PREFIX))
                .sorted(Comparator.comparing(RulesetCache::modified).reversed()).toList();
        for (Path old : kept.subList(Math.min(keep, kept.size()), kept.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // gone meanwhile: first to prune
        }
    }

    /**
     * What an entry must have been compiled from to be used: the files (their digest), the rule model, and the build
     * ({@link BuildFingerprint}).
     */
    record Key(String digest, RuleModel model, String build) {

        String text() {
            return digest + " " + model + " " + build;
        }

        String fileName() {
            byte[] hash = Hashes.sha256(text().getBytes(StandardCharsets.UTF_8));
            return digest.substring(0, 16) + "-" + model.name().toLowerCase() + "-"
                    + HexFormat.of().formatHex(hash, 0, 6) + SUFFIX;
        }
    }
}

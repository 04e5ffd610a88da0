package org.autocollections.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.autocollections.tables.BucketsCsv;
import org.autocollections.tables.PolicyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.autocollections.DatabaseFree;

/**
 * A version compiled before starts from the folder of compiled rulesets and decides exactly as its compile did; an
 * entry that cannot be trusted (damaged, or compiled for something else) is never used, and a changed file compiles.
 */
@DatabaseFree
class RulesetCacheTest {

    @TempDir
    Path dir;

    private RulesetCompiler compiler() {
        return new RulesetCompiler(RuleModel.EXECUTABLE, new RulesetCache(dir, 20));
    }

    private static List<PolicyFile> buckets(String rows) {
        return List.of(BucketsCsv.withRows(rows));
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ruleset")).toList();
        }
    }

    static Set<String> sources(Ruleset ruleset) {
        Set<String> sources = new TreeSet<>();
        for (KiePackage pkg : ruleset.kieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                sources.add(rule.getPackageName() + "/" + rule.getName() + " @ " + ruleset.attribution(rule).source());
            }
        }
        return sources;
    }

    @Test
    void aDamagedEntryIsIgnoredRemovedAndWrittenAgainByACompile() throws Exception {
        List<PolicyFile> files = buckets("0,0,M0\n1,30,M1\n");
        Ruleset first = compiler().compile("a", files, Instant.EPOCH);
        Path entry = entries().get(0);
        byte[] whole = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(whole, whole.length / 2)); // a write cut short

        Ruleset again = compiler().compile("a", files, Instant.EPOCH);

        assertThat(again.fromCache()).as("a truncated entry is not used").isFalse();
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(sources(again)).isEqualTo(sources(first));
        assertThat(compiler().compile("a", files, Instant.EPOCH).fromCache()).as("the compile kept a whole entry again").isTrue();
    }

    @Test
    void aChangedFileCompilesAsANewVersionAndBothAreKept() throws Exception {
        Ruleset before = compiler().compile("a", buckets("0,0,M0\n1,30,M1\n"), Instant.EPOCH);
        Ruleset edited = compiler().compile("a", buckets("0,0,M0\n1,29,M1\n"), Instant.EPOCH);

        assertThat(edited.fromCache()).isFalse();
        assertThat(edited.version()).isNotEqualTo(before.version());
        assertThat(entries()).hasSize(2);
        assertThat(compiler().compile("a", buckets("0,0,M0\n1,30,M1\n"), Instant.EPOCH).fromCache())
                .as("going back to the first files loads the first version").isTrue();
    }

    @Test
    void anEntryCompiledForAnotherModelOrBuildIsNotUsed() throws Exception {
        List<PolicyFile> files = buckets("0,0,M0\n");
        Ruleset executable = compiler().compile("a", files, Instant.EPOCH);
        Ruleset classic = new RulesetCompiler(RuleModel.CLASSIC, new RulesetCache(dir, 20)).compile("a", files, Instant.EPOCH);
        assertThat(classic.fromCache()).as("the classic model never loads an executable-model module").isFalse();
        assertThat(entries()).as("only the executable model is kept").hasSize(1);

        // The entry where another build would look for it: its name matches, what it was compiled for does not.
        RulesetCache cache = new RulesetCache(dir, 20);
        RulesetCache.Key otherBuild = new RulesetCache.Key(executable.digest(), RuleModel.EXECUTABLE, "another-build");
        Files.copy(entries().get(0), cache.fileOf(otherBuild));
        assertThat(cache.read(otherBuild)).isEmpty();
        assertThat(cache.fileOf(otherBuild)).as("removed, so the other build writes its own").doesNotExist();
    }

    @Test
    void onlyTheMostRecentlyUsedVersionsAreKept() throws Exception {
        RulesetCompiler keepingTwo = new RulesetCompiler(RuleModel.EXECUTABLE, new RulesetCache(dir, 2));
        keepingTwo.compile("a", buckets("0,0,M0\n"), Instant.EPOCH);
        keepingTwo.compile("a", buckets("0,0,M00\n"), Instant.EPOCH);
        keepingTwo.compile("a", buckets("0,0,M000\n"), Instant.EPOCH);
        assertThat(entries()).hasSize(2);
    }
}

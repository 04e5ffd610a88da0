package org.autocollections.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.autocollections.ConfigMappings;
import org.autocollections.DatabaseFree;
import org.autocollections.ruleset.PolicyConfig;
import org.junit.jupiter.api.Test;

/** How long watch mode waits for a save to end, as an operator configures it. */
@DatabaseFree
class WatchQuietConfigTest {

    private static PolicyConfig read(Map<String, String> properties) {
        return ConfigMappings.read(PolicyConfig.class, properties);
    }

    @Test
    void aReloadWaitsAThirdOfASecondForTheSaveToEndUnlessConfigured() {
        assertThat(read(Map.of()).watchQuiet()).isEqualTo(Duration.ofMillis(300));
        assertThat(read(Map.of("collections.policy.watch-quiet", "PT2S")).watchQuiet()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aWatchThatWouldNotWaitStopsTheStartNamingTheProperty() {
        for (String nothing : new String[] { "PT0S", "-PT1S" }) {
            FolderWatch watch = new FolderWatch();
            watch.config = read(Map.of("collections.policy.watch", "activate", "collections.policy.watch-quiet", nothing));

            assertThatThrownBy(() -> watch.onStart(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("collections.policy.watch-quiet");
        }
    }

    @Test
    void withWatchModeOffTheWaitIsNotLookedAt() {
        FolderWatch watch = new FolderWatch();
        watch.config = read(Map.of("collections.policy.watch", "off", "collections.policy.watch-quiet", "PT0S"));

        watch.onStart(null); // starts, watching nothing
    }
}

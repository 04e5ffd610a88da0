package org.autocollections.audit;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service on a database behind a {@link TcpProxy} ({@link FlakyDatabase}), for the tests that cut it off. One
 * profile for all of them, so that they share one start of the service.
 */
public class ThroughProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FlakyDatabase.class));
    }
}

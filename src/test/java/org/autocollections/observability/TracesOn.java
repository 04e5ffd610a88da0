package org.autocollections.observability;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service as an operator runs it with traces on: an OTLP endpoint named, nothing else ({@link TracesSwitch} turns
 * the SDK on). {@link InMemorySpans} takes the spans in place of the OTLP exporter, so nothing is sent anywhere. The
 * decisions' DEBUG line is on, for the check of the trace id in a JSON log line. One profile for all the trace tests.
 */
public class TracesOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:4317",
                "quarkus.log.category.\"org.autocollections.decisions\".level", "DEBUG");
    }
}

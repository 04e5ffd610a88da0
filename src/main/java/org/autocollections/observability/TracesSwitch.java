package org.autocollections.observability;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Traces are off unless an OTLP endpoint is configured: {@code application.properties} turns the OpenTelemetry SDK
 * off, and this turns it on again when the operator names an endpoint, so that one setting
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}) is enough. Quarkus itself would otherwise trace every request and send
 * the spans to {@code localhost:4317}, whether a collector listens there or not. Its ordinal sits above the
 * application's properties and below the environment, so {@code QUARKUS_OTEL_SDK_DISABLED} still decides when set.
 */
public class TracesSwitch implements ConfigSourceFactory {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.traces.endpoint",
            "quarkus.otel.exporter.otlp.endpoint");

    /** Above application.properties (250), below .env (295), the environment (300) and system properties (400). */
    static final int ORDINAL = 260;

    /** Quarkus' own defaults come from sources far below any the operator writes (packaged properties are 100). */
    private static final int LOWEST_SET_BY_HAND = 100;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean named = ENDPOINTS.stream().map(context::getValue).anyMatch(TracesSwitch::setByHand);
        return named ? List.of(new PropertiesConfigSource(Map.of(SDK_DISABLED, "false"), "collections-traces-switch", ORDINAL))
                : List.of();
    }

    private static boolean setByHand(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() >= LOWEST_SET_BY_HAND;
    }
}

package org.autocollections.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Spans kept in memory for the tests to read. Quarkus exports to the span exporters it finds as beans, in place of
 * OTLP; while traces are off (every profile but {@link TracesOn}) nothing reaches it.
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}

package org.autocollections.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Benchmark baseline only (bench/http.sh, docs/benchmarks.md): returns the JSON body it is sent, read and written
 * through the same Jackson mapper and HTTP stack as the decision endpoint, so the two can be compared side by side.
 * Compiled into the service only by the Maven profile {@code bench}; even there it answers 404 unless the runtime
 * property {@code collections.bench.echo-enabled=true} is set, and it is left out of the OpenAPI document.
 */
@Path("/bench/echo")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EchoResource {

    @ConfigProperty(name = "collections.bench.echo-enabled", defaultValue = "false")
    boolean enabled;

    /** Binds {@link #gate()} to the echo alone; the decision endpoints never pass through it. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.TYPE, ElementType.METHOD })
    @interface EchoGate {
    }

    @POST
    @EchoGate
    @Operation(hidden = true)
    public JsonNode echo(JsonNode body) {
        return body;
    }

    /** Runs before the body is read, so a disabled echo is a 404 whatever is sent, like a path that does not exist. */
    @ServerRequestFilter
    @EchoGate
    void gate() {
        if (!enabled) {
            throw new NotFoundException();
        }
    }
}

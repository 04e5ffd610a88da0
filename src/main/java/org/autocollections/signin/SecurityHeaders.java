package org.autocollections.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers that keep a browser from being turned against the page: its scripts only from the service itself (no
 * inline script, no eval), no framing by another site, no referrer sent on, no guessing of content types, and HTTPS
 * remembered once it is used. The API's answers are data, never a page: they may load nothing at all.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(SecurityHeaders::add, 50);
    }

    private static void add(RoutingContext context) {
        String path = context.normalizedPath();
        HttpServerResponse response = context.response();
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("Referrer-Policy", "no-referrer");
        if (path.startsWith("/analyst")) {
            response.putHeader("Content-Security-Policy", PAGE_POLICY);
            response.putHeader("X-Frame-Options", "DENY");
        } else if (path.startsWith("/api/")) {
            response.putHeader("Content-Security-Policy", API_POLICY);
            response.putHeader("X-Frame-Options", "DENY");
        }
        if ("https".equals(context.request().scheme())) {
            response.putHeader("Strict-Transport-Security", "max-age=31536000");
        }
        context.next();
    }
}

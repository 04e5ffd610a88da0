package org.autocollections.portfolio;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a portfolio import through the body size limit. quarkus.http.limits.max-body-size (4M) protects the
 * endpoints that read a whole body into memory; the import streams its body, so a portfolio of any size may come.
 * Both checks of the limit run before the endpoint: the service's own 413 problem (api.BodySizeLimit, route order
 * -100) and Quarkus' (order -2), which refuse a Content-Length over the limit and cap a body sent without one. For
 * POST /api/v1/cases/import alone, the Content-Length is set aside before them and put back after them, and the cap
 * on a chunked body is lifted.
 */
@Singleton
public class ImportBodyLimit {

    private static final String PATH = ".*/api/v1/cases/import/?";
    private static final String LENGTH = ImportBodyLimit.class.getName() + ".content-length";

    void install(@Observes Router router) {
        router.routeWithRegex(HttpMethod.POST, PATH).order(-1000).handler(this::setAside);
        router.routeWithRegex(HttpMethod.POST, PATH).order(-1).handler(this::putBack);
    }

    private void setAside(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            rc.put(LENGTH, length);
            rc.request().headers().remove(HttpHeaders.CONTENT_LENGTH);
        }
        rc.next();
    }

    private void putBack(RoutingContext rc) {
        rc.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
        String length = rc.get(LENGTH);
        if (length != null) {
            rc.request().headers().set(HttpHeaders.CONTENT_LENGTH, length);
        }
        rc.next();
    }
}

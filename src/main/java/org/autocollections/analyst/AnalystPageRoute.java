package org.autocollections.analyst;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The analyst's page is static (META-INF/resources/analyst/) and served at {@code /analyst/}; this sends
 * {@code /analyst}, as people type it, there. The redirect is relative, so it also holds behind a proxy that serves
 * the service under a path of its own. The page needs no token; its calls to /api/v1 carry the one the user pastes.
 */
@ApplicationScoped
public class AnalystPageRoute {

    void route(@Observes Router router) {
        router.get("/analyst").order(-10).handler(rc -> {
            // Vert.x lets "/analyst" match "/analyst/" too; that one is the page itself.
            if (!"/analyst".equals(rc.request().path())) {
                rc.next();
                return;
            }
            String query = rc.request().query();
            rc.response().setStatusCode(302)
                    .putHeader("Location", "analyst/" + (query == null || query.isEmpty() ? "" : "?" + query))
                    .putHeader("Cache-Control", "no-store")
                    .end();
        });
    }
}

package org.autocollections.http;

import org.autocollections.api.Problem;
import org.autocollections.api.Message;
import org.autocollections.api.RaisedProblem;
import org.autocollections.decisions.BatchRequest;
import org.autocollections.api.LanguageChoice;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses an oversized body before it is read, with problem details rather than the HTTP layer's bare 413.
 * Bodies sent without a length are still cut off by the HTTP layer's own limit.
 */
@Singleton
public class BodySizeLimit {

    @Inject
    ObjectMapper json;

    @Inject
    LanguageChoice languages;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::check);
    }

    void check(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length != null && isOver(length)) {
            Problem problem = RaisedProblem.of("body-too-large", "Request body too large", 413,
                    Message.of("body-too-large.detail", length, limit.asLongValue(), BatchRequest.MAX_CASES))
                    .in(languages.forProblem(rc.request().getParam("lang"), rc.request().getHeader("Accept-Language")))
                    .at(rc.request().path());
            try {
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                rc.response().setStatusCode(413).end();
            }
            return;
        }
        rc.next();
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

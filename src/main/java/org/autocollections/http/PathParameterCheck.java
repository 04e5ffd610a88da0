package org.autocollections.http;

import org.autocollections.api.Message;
import org.autocollections.api.InvalidRequestException;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Ids in the path (a case, a run, a decision) are stored and looked up as text, and PostgreSQL text cannot hold
 * U+0000: such an id (or query parameter) is refused as the client's mistake, naming the parameter, before any database sees it.
 */
public class PathParameterCheck {

    @ServerRequestFilter
    public void refuseNul(UriInfo uri) {
        refuseNul(uri.getPathParameters());
        refuseNul(uri.getQueryParameters());
    }

    private static void refuseNul(jakarta.ws.rs.core.MultivaluedMap<String, String> parameters) {
        parameters.forEach((name, values) -> {
            if (values.stream().anyMatch(value -> value.indexOf('\u0000') >= 0)) {
                throw new InvalidRequestException(name, Message.of("field.nul"));
            }
        });
    }
}

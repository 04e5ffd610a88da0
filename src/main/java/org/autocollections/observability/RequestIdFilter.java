package org.autocollections.observability;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives every API request its {@link RequestId}: in the MDC while it is served, and in the response's header. */
public class RequestIdFilter {

    @Inject
    RequestId requestId;

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = RequestId.acceptOrCreate(request.getHeaderString(RequestId.HEADER));
        requestId.assign(id);
        MDC.put(RequestId.MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        String id = requestId.value();
        if (id != null) {
            response.getHeaders().putSingle(RequestId.HEADER, id);
        }
        MDC.remove(RequestId.MDC_KEY);
    }
}

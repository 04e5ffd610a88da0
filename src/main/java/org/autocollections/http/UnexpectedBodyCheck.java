package org.autocollections.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;

import org.autocollections.api.Message;
import org.autocollections.api.InvalidRequestException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A body sent to an endpoint that reads none is refused rather than ignored: a servicer that sends
 * {@code {"asOf": ...}} to {@code POST /api/v1/cases/{id}/decisions} would otherwise get a decision as of now,
 * different from the one it asked for, and never know. Applies to every endpoint, so a new one is covered as written.
 */
public class UnexpectedBodyCheck {

    /** Whether each resource method reads a body, worked out once per method from its parameters. */
    private static final Map<Method, Boolean> READS_BODY = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnreadBody(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !hasBody(request) || READS_BODY.computeIfAbsent(method, UnexpectedBodyCheck::readsBody)) {
            return;
        }
        List<String> query = queryParameters(method);
        throw new InvalidRequestException("body", query.isEmpty() ? Message.of("field.no-body")
                : Message.of("field.no-body-query", String.join(", ", query)));
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                return Long.parseLong(length.trim()) > 0;
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    /**
     * A method reads a body through a form part, or through a parameter that JAX-RS fills from nothing else: one with
     * no JAX-RS annotation (validation annotations do not count) and not a context type such as {@code UriInfo}.
     */
    static boolean readsBody(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean bound = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                String name = annotation.annotationType().getName();
                if (name.endsWith(".RestForm") || name.endsWith(".FormParam") || name.endsWith(".MultipartForm")) {
                    return true;
                }
                bound |= name.startsWith("jakarta.ws.rs.") || name.startsWith("org.jboss.resteasy.reactive.");
            }
            String type = parameter.getType().getName();
            if (!bound && !type.startsWith("jakarta.ws.rs.") && !type.startsWith("io.vertx.")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> queryParameters(Method method) {
        List<String> names = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return names;
    }
}

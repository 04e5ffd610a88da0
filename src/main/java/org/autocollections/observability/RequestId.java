package org.autocollections.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * The id of the HTTP request being served: the client's {@code X-Request-Id} when it is a safe token, else one made
 * here. It is echoed in the response, put in the logging MDC as {@code requestId}, and kept in the decision record.
 */
@RequestScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Up to 64 letters, digits and {@code . _ : -}: safe in a header, a log line and the record's column. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private String value;

    public String value() {
        return value;
    }

    void assign(String value) {
        this.value = value;
    }

    /** The client's id if it is valid; otherwise (absent, too long, or with other characters) a new one. */
    static String acceptOrCreate(String given) {
        return given != null && VALID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** The id of the request the calling thread serves, or null outside a request (a portfolio run, the CLI). */
    public static String current() {
        ManagedContext context = Arc.container().requestContext();
        if (!context.isActive()) {
            return null;
        }
        return Arc.container().instance(RequestId.class).get().value();
    }
}

package org.autocollections.signin;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A call that changes something and rides on the sign-in cookie must carry the CSRF token the page got when it signed
 * in. The browser sends the cookie on a cross-site form or fetch too; only the page itself can read the token, so a
 * call without it did not come from the page. Calls with a bearer token carry no ambient credential and need none,
 * and so does the sign-in itself (it takes JSON, which a cross-site form cannot send).
 */
public class CsrfCheck {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || request.getHeaderString("Authorization") != null) {
            return;
        }
        Cookie cookie = request.getCookies().get(SessionTokens.SECURE_COOKIE);
        if (cookie == null) {
            cookie = request.getCookies().get(SessionTokens.COOKIE);
        }
        if (cookie == null || cookie.getValue().isEmpty() || signingIn(request)) {
            return;
        }
        if (!SessionTokens.csrfMatches(cookie.getValue(), request.getHeaderString(SessionTokens.CSRF_HEADER))) {
            throw new CsrfRefusedException();
        }
    }

    private static boolean signingIn(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return "POST".equals(request.getMethod()) && "api/v1/session".equals(path.startsWith("/") ? path.substring(1) : path);
    }
}

package org.autocollections.signin;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The analyst's page signs in with its session cookie; API clients keep their bearer tokens on the same endpoints.
 * A request with an Authorization header is left to the bearer-token mechanism, even if it also carries the cookie,
 * so a client's token always means what it says.
 */
@ApplicationScoped
public class SessionCookieMechanism implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = SessionCookies.token(context);
        if (token == null || context.request().getHeader("Authorization") != null) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new SessionCookieRequest(token), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionCookieRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SessionTokens.COOKIE));
    }

    /** After the bearer-token mechanism (priority 1000 by default), which sees the Authorization header first. */
    @Override
    public int getPriority() {
        return 900;
    }

    /** The cookie's value, under either of its names. */
    static final class SessionCookies {

        private SessionCookies() {
        }

        static String token(RoutingContext context) {
            Cookie cookie = context.request().getCookie(SessionTokens.SECURE_COOKIE);
            if (cookie == null) {
                cookie = context.request().getCookie(SessionTokens.COOKIE);
            }
            return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
        }
    }
}

package org.autocollections.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Who a session cookie stands for, read from the database on each call, so a disabled account stops at once. */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionCookieRequest> {

    /** The identity attribute that says the caller came with the cookie (and so needs the CSRF token). */
    public static final String SESSION_EXPIRES = "collections.session.expires";
    /** The identity provider's sign-out address, for a session opened there. */
    public static final String PROVIDER_SIGN_OUT = "collections.session.provider-sign-out";

    @Inject
    SignIns signIns;

    @Override
    public Class<SessionCookieRequest> getRequestType() {
        return SessionCookieRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionCookieRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SignIns.Session session = signIns.current(request.token())
                    .orElseThrow(() -> new AuthenticationFailedException("The session has ended"));
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(session.subject())).addRoles(session.roles())
                    .addAttribute(SESSION_EXPIRES, session.expiresAt());
            if (session.signOutUrl() != null) {
                identity.addAttribute(PROVIDER_SIGN_OUT, session.signOutUrl());
            }
            return identity.build();
        });
    }
}

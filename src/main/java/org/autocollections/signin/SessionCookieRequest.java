package org.autocollections.signin;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The sign-in cookie a request carries, to be turned into who signed in. */
final class SessionCookieRequest extends BaseAuthenticationRequest {

    private final String token;

    SessionCookieRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}

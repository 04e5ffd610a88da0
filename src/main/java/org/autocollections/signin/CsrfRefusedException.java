package org.autocollections.signin;

/** A call that changes something, made with the session cookie but without the page's CSRF token. */
public class CsrfRefusedException extends RuntimeException {

    public CsrfRefusedException() {
        super("A call made with the sign-in cookie must carry the page's " + SessionTokens.CSRF_HEADER + " header",
                null, false, false);
    }
}

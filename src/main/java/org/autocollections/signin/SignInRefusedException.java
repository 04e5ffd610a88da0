package org.autocollections.signin;

/** A sign-in with a subject and password that do not open an enabled account; which of the three is not said. */
public class SignInRefusedException extends RuntimeException {

    public SignInRefusedException() {
        super("The subject and password do not match an enabled account", null, false, false);
    }
}

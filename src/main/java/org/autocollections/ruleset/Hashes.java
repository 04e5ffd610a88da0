package org.autocollections.ruleset;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

final class Hashes {

    private Hashes() {
    }

    static byte[] sha256(byte[] content) {
        return digest().digest(content);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

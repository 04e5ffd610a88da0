package org.autocollections.tables;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, the digest that names files and ruleset versions. */
public final class Hashes {

    private Hashes() {
    }

    public static byte[] sha256(byte[] content) {
        return digest().digest(content);
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

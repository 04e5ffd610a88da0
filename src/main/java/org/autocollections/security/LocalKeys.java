package org.autocollections.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The embedded default's token signing key: an RSA key pair made on first start in the keys folder, so that a local
 * user mints tokens with {@code token} and the service checks them, with no password built into the product. A
 * production service is given its identity provider's key or JWKS instead, and never makes one.
 */
public final class LocalKeys {

    public static final String PRIVATE = "token-signing.pem";
    public static final String PUBLIC = "token-signing.pub.pem";
    public static final String ISSUER = "collections-local";
    /** Set, to the folder, when this start made the key pair. */
    public static final String MADE_PROPERTY = "collections.security.local-key-made";

    private LocalKeys() {
    }

    /** Makes the key pair unless it is there; true when it was made now. */
    public static boolean ensure(Path dir) throws IOException, GeneralSecurityException {
        Path privateKey = dir.resolve(PRIVATE);
        if (Files.exists(privateKey) && Files.exists(dir.resolve(PUBLIC))) {
            return false;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
        Files.writeString(dir.resolve(PUBLIC), pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        return true;
    }

    public static PrivateKey privateKey(Path dir) throws IOException, GeneralSecurityException {
        return privateKey(Files.readString(dir.resolve(PRIVATE), StandardCharsets.US_ASCII));
    }

    /** An RSA private key from its PKCS#8 PEM text. */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}

package org.autocollections.tables;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;


/**
 * One file of a ruleset, by the path an analyst knows it under ({@code rules/overdue.drl},
 * {@code decision-tables/overdue-buckets.drl.xlsx}).
 */
public record PolicyFile(String path, byte[] content) {

    public String sha256() {
        return HexFormat.of().formatHex(Hashes.sha256(content));
    }

    public boolean isDrl() {
        return path.endsWith(".drl");
    }

    public boolean isTable() {
        return TableFormat.of(path).isPresent();
    }

    /**
     * The content as base64, as the database keeps files: one text column type serves H2 and PostgreSQL alike.
     */
    public String base64() {
        return java.util.Base64.getEncoder().encodeToString(content);
    }

    public static PolicyFile fromBase64(String path, String base64) {
        return new PolicyFile(path, java.util.Base64.getDecoder().decode(base64));
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}

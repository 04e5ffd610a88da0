package org.autocollections.portfolio;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.autocollections.Cases;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Portfolio files for the import tests, generated from the documented example case. */
public final class Portfolios {

    private Portfolios() {
    }

    /** The example case as a line of a portfolio: no history, no asOf, its own id. */
    public static ObjectNode storedCase(String caseId) {
        ObjectNode c = Cases.example();
        c.remove("history");
        c.remove("asOf");
        c.put("caseId", caseId);
        return c;
    }

    public static String line(String caseId) {
        return storedCase(caseId).toString();
    }

    /**
     * {@code count} cases PREFIX-0 ... as JSON Lines, their balances varying with the index, written straight to
     * the file.
     */
    public static Path jsonLines(Path file, String prefix, int count) {
        ObjectNode template = storedCase("X");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                template.put("caseId", prefix + i);
                ((ObjectNode) template.get("loan")).put("outstandingBalance", new java.math.BigDecimal(60000 + i % 40000 + ".00"));
                ((ObjectNode) template.get("borrower")).put("creditScore", 300 + i % 551);
                out.write(template.toString());
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}

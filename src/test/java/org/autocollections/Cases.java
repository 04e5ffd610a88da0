package org.autocollections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test cases built from the documented example, changed field by field. */
public final class Cases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cases() {
    }

    /** docs/examples/case-m2.json: 45 days past due in Shanghai, bucket M2. */
    public static ObjectNode example() {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(Path.of("docs/examples/case-m2.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode withDueDate(String caseId, String oldestUnpaidDueDate) {
        ObjectNode c = example();
        c.put("caseId", caseId);
        ObjectNode loan = (ObjectNode) c.get("loan");
        if (oldestUnpaidDueDate == null) {
            loan.putNull("oldestUnpaidDueDate");
        } else {
            loan.put("oldestUnpaidDueDate", oldestUnpaidDueDate);
        }
        return c;
    }

    public static ObjectNode object(ObjectNode c, String field) {
        return (ObjectNode) c.get(field);
    }
}

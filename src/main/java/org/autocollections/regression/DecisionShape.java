package org.autocollections.regression;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.autocollections.api.Decision;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Every place a decision's JSON can have, read from the answer's type as Jackson writes it. A pointer to a field the
 * answer may leave out (an area the policy did not fill, a third plan option) is a place a decision can have; a
 * mistyped one ({@code /overdue/bukcet}) is not, so an expectation on it can never be met and is refused rather than
 * compared.
 */
final class DecisionShape {

    /** A record's fields by name, a list's items, or neither for a value. */
    private record Node(Map<String, Node> fields, Node items) {

        boolean isValue() {
            return fields == null && items == null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Node ROOT = shape(JSON.getSerializationConfig(), JSON.constructType(Decision.class));

    private DecisionShape() {
    }

    /** Why no decision can have this pointer, or empty when one can. */
    static Optional<String> fault(String pointer) {
        JsonPointer path;
        try {
            path = JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            return Optional.of("is not a JSON pointer (one starts with /, as /nextAction/type)");
        }
        Node node = ROOT;
        String where = "";
        for (JsonPointer p = path; !p.matches(); p = p.tail()) {
            Node next = node.items() != null && p.getMatchingIndex() >= 0 ? node.items()
                    : node.fields() != null ? node.fields().get(p.getMatchingProperty()) : null;
            if (next == null) {
                return Optional.of("is not in any decision: " + (where.isEmpty() ? "a decision" : where)
                        + (node.isValue() ? " is a single value"
                                : node.items() != null ? " is a list, numbered from 0"
                                : " holds " + String.join(", ", node.fields().keySet())));
            }
            node = next;
            where += "/" + p.getMatchingProperty();
        }
        return Optional.empty();
    }

    private static Node shape(SerializationConfig config, JavaType type) {
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return new Node(null, shape(config, type.getContentType()));
        }
        if (!type.getRawClass().isRecord()) {
            return new Node(null, null);
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : config.introspect(type).findProperties()) {
            if (property.couldSerialize()) {
                fields.put(property.getName(), shape(config, property.getPrimaryType()));
            }
        }
        return new Node(fields, null);
    }
}

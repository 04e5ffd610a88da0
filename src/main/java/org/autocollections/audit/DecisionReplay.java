package org.autocollections.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What changed between a recorded decision and the same input decided again: every leaf of the response whose value
 * differs, by JSON pointer. Identity and timing (decision id, decision time) and the list of fired rules are not
 * compared; the reasons are, since they carry the table rows.
 */
public final class DecisionReplay {

    private static final Set<String> IGNORED = Set.of("/decisionId", "/decidedAt", "/rulesetVersion", "/rulesFired");

    public record Difference(String path, JsonNode recorded, JsonNode replayed) {
    }

    private DecisionReplay() {
    }

    public static List<Difference> differences(JsonNode recorded, JsonNode replayed) {
        List<Difference> found = new ArrayList<>();
        compare("", recorded, replayed, found);
        return found;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<Difference> found) {
        if (IGNORED.contains(path)) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path + "/" + name, a.get(name), b.get(name), found);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            Iterator<JsonNode> left = a.elements();
            Iterator<JsonNode> right = b.elements();
            for (int i = 0; left.hasNext() || right.hasNext(); i++) {
                compare(path + "/" + i, left.hasNext() ? left.next() : null, right.hasNext() ? right.next() : null, found);
            }
        } else if (!same(a, b)) {
            found.add(new Difference(path, a, b));
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return (a == null || a.isNull()) && (b == null || b.isNull());
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}

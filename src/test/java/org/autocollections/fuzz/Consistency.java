package org.autocollections.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * The rules of a case that relate two fields (docs/api.md), which a mutation of one field can break: the overdue
 * amount is at most the outstanding balance, and a US borrower has a time zone. Each names the field the service
 * names when it is broken.
 */
final class Consistency {

    private Consistency() {
    }

    /** The fields a case breaks a rule of, among those not already refused on their own. */
    static List<String> violations(JsonNode tree, Set<String> refused) {
        List<String> violations = new ArrayList<>();
        BigDecimal balance = amount(tree, "loan.outstandingBalance", refused);
        BigDecimal overdue = amount(tree, "loan.overdueAmount", refused);
        if (balance != null && overdue != null && overdue.compareTo(balance) > 0) {
            violations.add("loan.overdueAmount");
        }
        JsonNode jurisdiction = Mutations.at(tree, "jurisdiction");
        JsonNode borrower = Mutations.at(tree, "borrower");
        if (jurisdiction != null && "US".equals(jurisdiction.textValue()) && borrower != null && borrower.isObject()
                && !refused.contains("borrower")) {
            JsonNode zone = borrower.get("timeZone");
            if (zone == null || zone.isNull()) {
                violations.add("borrower.timeZone");
            }
        }
        return violations;
    }

    private static BigDecimal amount(JsonNode tree, String path, Set<String> refused) {
        if (refused.contains(path) || refused.contains("loan")) {
            return null;
        }
        JsonNode node = Mutations.at(tree, path);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
            return new BigDecimal(String.valueOf(raw.rawValue()));
        }
        return null;
    }
}

package org.autocollections.portfolio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.autocollections.api.CaseField;
import org.autocollections.api.FieldMessage;
import org.autocollections.api.Message;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The columns of a CSV portfolio: each header names a field of the case by its dotted path
 * ({@code borrower.consents.phone}, see {@link CaseField}), and each cell becomes that field in the JSON a PUT of the
 * case would carry.
 */
final class CsvColumns {

    private final List<CaseField> columns;

    private CsvColumns(List<CaseField> columns) {
        this.columns = columns;
    }

    /** The caseId cell of a row, if it has one. */
    String caseId(List<String> cells) {
        for (int i = 0; i < columns.size() && i < cells.size(); i++) {
            if (columns.get(i).header().equals("caseId")) {
                String id = cells.get(i).trim();
                return id.isEmpty() ? null : id;
            }
        }
        return null;
    }

    int size() {
        return columns.size();
    }

    /** Reads a header row, or refuses it naming every column at fault. */
    static CsvColumns of(List<String> header) {
        List<CaseField> columns = new ArrayList<>();
        List<FieldMessage> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim();
            String label = name.isEmpty() ? "column " + (i + 1) : name;
            if (name.isEmpty()) {
                errors.add(new FieldMessage(label, Message.of("field.column-unnamed")));
                continue;
            }
            if (!seen.add(name)) {
                errors.add(new FieldMessage(label, Message.of("field.named-twice")));
                continue;
            }
            try {
                columns.add(CaseField.column(name));
            } catch (IllegalArgumentException notAField) {
                errors.add(new FieldMessage(label, Message.verbatim(notAField.getMessage())));
            }
        }
        if (errors.isEmpty() && !seen.contains("caseId")) {
            errors.add(new FieldMessage("caseId", Message.of("field.case-id-column")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidPortfolioException(Message.of("invalid-portfolio.detail", errors.size()), errors);
        }
        return new CsvColumns(List.copyOf(columns));
    }

    /** The case a row describes, as JSON; an empty cell is an absent field. */
    ObjectNode toJson(List<String> cells, JsonNodeFactory nodes) {
        ObjectNode root = nodes.objectNode();
        for (int i = 0; i < columns.size(); i++) {
            String cell = cells.get(i).trim();
            if (cell.isEmpty()) {
                continue;
            }
            CaseField column = columns.get(i);
            column.set(root, before -> column.json(cell, nodes));
        }
        return root;
    }
}

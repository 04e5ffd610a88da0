package org.autocollections.cases;

public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String caseId) {
        super("No stored case " + caseId + "; PUT /api/v1/cases/" + caseId + " first");
    }
}

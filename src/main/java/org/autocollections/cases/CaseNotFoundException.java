package org.autocollections.cases;

import org.autocollections.api.Message;
import org.autocollections.api.WordedException;

public class CaseNotFoundException extends WordedException {
    public CaseNotFoundException(String caseId) {
        super(Message.of("case-not-found.detail", caseId, caseId));
    }
}

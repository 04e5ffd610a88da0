package org.autocollections.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Channels the borrower has agreed to be contacted on. A channel left out counts as agreed: the loan contract
 * carries the borrower's contact consent, and the servicer sends {@code false} once it is withdrawn.
 */
@Schema(description = "Channels the borrower agreed to; an omitted channel counts as agreed.")
public record Consents(Boolean phone, Boolean sms, Boolean email) {

    public static final Consents ALL = new Consents(true, true, true);

    public boolean allowsPhone() {
        return !Boolean.FALSE.equals(phone);
    }

    public boolean allowsSms() {
        return !Boolean.FALSE.equals(sms);
    }

    public boolean allowsEmail() {
        return !Boolean.FALSE.equals(email);
    }
}

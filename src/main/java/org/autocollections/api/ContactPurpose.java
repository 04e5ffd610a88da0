package org.autocollections.api;

/**
 * What a letter sent after a cease-communication request was for: the only three communications Regulation F
 * (12 CFR 1006.6(c)) and the Fair Debt Collection Practices Act (805(c)) still allow. Ordinary collection contacts
 * have none.
 */
public enum ContactPurpose {
    /** Advising the borrower that further collection efforts are being terminated (805(c)(1)). */
    EFFORTS_TERMINATED,
    /** Notifying the borrower of remedies the creditor may invoke and ordinarily invokes (805(c)(2)). */
    REMEDIES_AVAILABLE,
    /** Notifying the borrower that the creditor intends to invoke a specified remedy (805(c)(3)). */
    REMEDY_INTENDED
}

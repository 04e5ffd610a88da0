package org.autocollections.security;

/**
 * Who may do what. A token's {@code groups} claim carries its roles; a caller may hold several.
 * <ul>
 * <li>{@link #SERVICER}: the loan-servicing system and its collectors: decide, store cases, log contacts and the rest
 * of the history, read work lists.</li>
 * <li>{@link #ANALYST}: risk analysts: read rulesets and their history; simulate and regression-test a candidate
 * ruleset (drafts and validation as they come).</li>
 * <li>{@link #APPROVER}: activates a ruleset (reload, and approval and rollback as they come).</li>
 * <li>{@link #AUDITOR}: reads decision records, which hold the borrower's personal data, and replays them; reads the
 * ruleset history.</li>
 * <li>{@link #BATCH}: the nightly jobs: imports portfolios and starts, follows and cancels portfolio runs.</li>
 * </ul>
 */
public final class Roles {

    public static final String SERVICER = "servicer";
    public static final String ANALYST = "analyst";
    public static final String APPROVER = "approver";
    public static final String AUDITOR = "auditor";
    public static final String BATCH = "batch";

    public static final String[] ALL = { SERVICER, ANALYST, APPROVER, AUDITOR, BATCH };

    private Roles() {
    }
}

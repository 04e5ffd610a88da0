package org.autocollections.security;

/**
 * Who may do what. A token's {@code groups} claim carries its roles; a caller may hold several.
 * <ul>
 * <li>{@link #SERVICER}: the loan-servicing system and its collectors: decide, store cases, log contacts and the rest
 * of the history, read work lists.</li>
 * <li>{@link #ANALYST}: risk analysts: upload draft tables, validate, test and simulate them; read rulesets and
 * their history; propose, pause, stop and read experiments.</li>
 * <li>{@link #APPROVER}: approves another person's draft, activates it, rolls back to an earlier version, reloads;
 * approves another person's experiment, starts, resumes and promotes an arm of one it did not propose.</li>
 * <li>{@link #AUDITOR}: reads decision records, which hold the borrower's personal data, and replays them; reads the
 * ruleset history.</li>
 * <li>{@link #DEVELOPER}: the service's developers: may upload drafts that change a table's code rows (conditions and
 * actions) or its rule files, which an analyst's upload may not.</li>
 * <li>{@link #BATCH}: the nightly jobs: imports portfolios and starts, follows and cancels portfolio runs.</li>
 * </ul>
 */
public final class Roles {

    public static final String SERVICER = "servicer";
    public static final String ANALYST = "analyst";
    public static final String APPROVER = "approver";
    public static final String AUDITOR = "auditor";
    public static final String BATCH = "batch";
    public static final String DEVELOPER = "developer";

    public static final String[] ALL = { SERVICER, ANALYST, APPROVER, AUDITOR, BATCH, DEVELOPER };

    private Roles() {
    }
}

package org.autocollections.signin;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.autocollections.security.Roles;

/** The accounts an operator manages from the command line: made, disabled, listed. None is built in. */
@ApplicationScoped
public class Accounts {

    /** Letters, digits and . _ @ -: a subject is shown in the page and written in the audit trail and logs. */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    @Inject
    Clock clock;

    /** An account as the operator sees it; never its hash. */
    public record Summary(String subject, List<String> roles, boolean disabled, Instant createdAt) {
    }

    /** Makes an account, or gives an existing one new roles and a new password (and enables it again). */
    @Transactional
    public boolean add(String subject, Collection<String> roles, String password) {
        refuseBad(subject, roles, password);
        Instant now = clock.instant();
        Account account = Account.findById(subject);
        boolean made = account == null;
        if (made) {
            account = new Account();
            account.subject = subject;
            account.createdAt = now;
        } else {
            // a new password ends the sessions the old one opened
            SigninSession.delete("subject", subject);
        }
        account.roles = String.join(",", new TreeSet<>(roles));
        account.passwordHash = Passwords.hash(password);
        account.disabled = false;
        account.updatedAt = now;
        account.persist();
        return made;
    }

    /** Disables an account and ends its sessions at once; false when there is no such account. */
    @Transactional
    public boolean disable(String subject) {
        Account account = Account.findById(subject);
        if (account == null) {
            return false;
        }
        account.disabled = true;
        account.updatedAt = clock.instant();
        SigninSession.delete("subject", subject);
        return true;
    }

    @Transactional
    public List<Summary> list() {
        return Account.<Account>listAll(io.quarkus.panache.common.Sort.by("subject")).stream()
                .map(a -> new Summary(a.subject, List.copyOf(a.roleSet()), a.disabled, a.createdAt)).toList();
    }

    @Transactional
    public long count() {
        return Account.count();
    }

    private static void refuseBad(String subject, Collection<String> roles, String password) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("a subject is 1 to 128 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("give at least one role: " + String.join(", ", Roles.ALL));
        }
        for (String role : roles) {
            if (!Arrays.asList(Roles.ALL).contains(role)) {
                throw new IllegalArgumentException("unknown role " + role + "; roles are " + String.join(", ", Roles.ALL));
            }
        }
        String weakness = Passwords.weakness(password);
        if (weakness != null) {
            throw new IllegalArgumentException(weakness);
        }
    }
}

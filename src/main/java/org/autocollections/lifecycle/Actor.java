package org.autocollections.lifecycle;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.autocollections.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is acting, with their roles: what they may do to a draft depends on both ({@link ApprovalRules}). */
public record Actor(String name, Set<String> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor of(SecurityIdentity identity) {
        return new Actor(identity.getPrincipal().getName(), identity.getRoles());
    }

    boolean hasAny(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** May change code (a table's header rows, rule files), which an analyst's upload may not. */
    boolean developer() {
        return roles.contains(Roles.DEVELOPER);
    }

    /** The roles as the analyst page names them: in alphabetical order, or "none". */
    String rolesText() {
        return roles.isEmpty() ? "none" : String.join(", ", new TreeSet<>(roles));
    }
}

package org.autocollections.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.Message;
import org.autocollections.api.InvalidRequestException;

/**
 * Rulesets by version: the active one, or one kept in the archive. Every feature that names a version (a simulation,
 * a regression, a trial, a replay, a portfolio run, an activation) looks it up here, so an unknown version is always
 * the same problem: {@link RulesetVersionNotFoundException}.
 */
@ApplicationScoped
public class RulesetVersions {

    @Inject
    RulesetArchive archive;

    @Inject
    ActiveRuleset active;

    /** The ruleset of that version; a version never kept is not found. */
    public Ruleset get(String version) throws RulesetCompilationException {
        return archive.version(version).orElseThrow(() -> new RulesetVersionNotFoundException(version));
    }

    /** The version a request names in {@code field} (404 when none is kept), or the active one when absent and it may be. */
    public Ruleset require(String field, String version, boolean activeWhenAbsent) throws RulesetCompilationException {
        if (version == null || version.isBlank()) {
            if (activeWhenAbsent) {
                return active.current();
            }
            throw new InvalidRequestException(field, Message.of("field.version-required"));
        }
        if (!version.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidRequestException(field, Message.of("field.version"));
        }
        return get(version);
    }
}

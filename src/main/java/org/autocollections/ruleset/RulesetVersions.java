package org.autocollections.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.InvalidRequestException;

/** The rulesets a simulation or a regression names, by version: the active one, or one kept in the archive. */
@ApplicationScoped
public class RulesetVersions {

    @Inject
    RulesetArchive archive;

    @Inject
    ActiveRuleset active;

    /** The named version (404 when none is kept), or the active ruleset when the name is absent and may be. */
    public Ruleset require(String field, String version, boolean activeWhenAbsent) throws RulesetCompilationException {
        if (version == null || version.isBlank()) {
            if (activeWhenAbsent) {
                return active.current();
            }
            throw new InvalidRequestException(field, "is required: the version of a kept ruleset");
        }
        if (!version.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidRequestException(field, "must be a ruleset version such as 3f9c0d7e5a1b2c4d");
        }
        return archive.version(version).orElseThrow(() -> new RulesetVersionNotFoundException(version));
    }
}

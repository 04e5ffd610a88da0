package org.autocollections.ruleset;

import java.util.Optional;

/**
 * A version about to serve, as {@link ActivationListener}s are told of it: the ruleset, the one serving until now
 * (none at the first start) and why.
 */
public record Activation(Ruleset ruleset, Optional<Ruleset> replaced, Reason reason) {

    /**
     * Why a version starts serving. The lifecycle's steps (a draft's activation, a rollback) are reasons it defines
     * itself, so this package knows nothing of drafts.
     */
    public interface Reason {
        /** Where the version came from, as the activation log keeps it. */
        String origin();
    }

    /** The folders' files (or the bundled copy), at start or by a reload; {@code actor} is who or what asked. */
    public record FolderFiles(String origin, String actor) implements Reason {
    }

    /** At start, the version activated last: the folders hold no file that was never loaded. */
    public record LastActivated(String version) implements Reason {
        @Override
        public String origin() {
            return "restart: version " + version + " as last activated";
        }
    }

    /** The version the lifecycle's records name active, activated through another replica. */
    public record ActiveElsewhere(String version) implements Reason {
        @Override
        public String origin() {
            return "following version " + version + ", activated by another replica";
        }
    }
}

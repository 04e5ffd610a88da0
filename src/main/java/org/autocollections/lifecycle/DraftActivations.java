package org.autocollections.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.Message;
import org.autocollections.ruleset.Activation;
import org.autocollections.ruleset.ActivationListener;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.tables.PolicyFile;
import org.autocollections.validation.Finding;

/**
 * The drafts' side of every activation, written in the transaction that records it: the version that starts serving
 * is the ACTIVE draft and the one serving until now is RETIRED, so the lifecycle's records never disagree with what
 * serves.
 */
@ApplicationScoped
class DraftActivations implements ActivationListener {

    @Inject
    DraftStore store;

    @Inject
    Clock clock;

    @Override
    public void recording(Activation activation) {
        if (activation.reason() instanceof DraftActivation step) {
            activate(step, activation.ruleset().version());
        } else if (activation.reason() instanceof Activation.FolderFiles folders) {
            listFolders(activation, folders.actor());
        }
        // At a restart or when following another replica, the drafts already name the version active.
    }

    /** An approved draft or a rollback: that draft becomes the active one, unless it changed meanwhile. */
    private void activate(DraftActivation step, String version) {
        Draft draft = DraftStore.locked(step.draftId());
        if (draft.status != step.expected()) {
            throw new LifecycleConflictException(Message.of("lifecycle-conflict.detail.meanwhile", step.draftId(), draft.status));
        }
        Instant now = clock.instant();
        DraftStore.retireActive(step.actor(), now, "replaced by version " + version);
        DraftStore.move(draft, DraftStatus.ACTIVE, step.actor(), now, step.note());
    }

    /** The folders' files became active (start or reload): that version is listed among the drafts as the active one. */
    private void listFolders(Activation activation, String actor) {
        Ruleset ruleset = activation.ruleset();
        Instant now = clock.instant();
        Draft current = Draft.<Draft>find("status", DraftStatus.ACTIVE).firstResult();
        if (current != null && current.version.equals(ruleset.version())) {
            return;
        }
        DraftStore.retireActive(actor, now, "replaced by the folders' version " + ruleset.version());
        Draft draft = new Draft();
        draft.author = actor;
        draft.origin = Draft.Origin.FOLDERS;
        draft.createdAt = now;
        draft.note = DraftStore.trim(ruleset.origin());
        draft.status = DraftStatus.ACTIVE;
        List<PolicyFile> base = activation.replaced().map(Ruleset::sourceFiles).orElse(List.of());
        List<Finding> findings = ruleset.warnings().stream().map(Finding::of).toList();
        store.describe(draft, new Candidate(ruleset.version(), ruleset.digest(),
                activation.replaced().map(Ruleset::version).orElse(null), findings, ruleset,
                DraftChanges.between(base.isEmpty() ? ruleset.sourceFiles() : base, ruleset.sourceFiles())), now);
        draft.persist();
        DraftStore.storeFiles(draft.id, ruleset.sourceFiles(), Set.of());
        RulesetEvent.of(draft, null, actor, now, "activated from " + draft.note).persist();
    }
}

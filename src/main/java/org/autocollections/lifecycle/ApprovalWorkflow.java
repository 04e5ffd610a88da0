package org.autocollections.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.Message;
import org.autocollections.lifecycle.ApprovalRules.Step;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetActivator;
import org.autocollections.ruleset.RulesetVersionNotFoundException;
import org.autocollections.ruleset.RulesetVersions;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.tables.PolicyFile;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The lifecycle of a ruleset: an upload becomes a draft (the active files with the uploaded ones in place of their
 * namesakes, see {@link Uploads}), validated at once; an approver other than its authors approves it; an approver
 * activates it; any version that served before can be brought back. Who may take which step when is
 * {@link ApprovalRules}'; every change of status is an event in the audit trail.
 */
@ApplicationScoped
public class ApprovalWorkflow {

    /** The actor of watch mode's drafts and steps. */
    static final String WATCH = "watch";

    @Inject
    ActiveRuleset active;

    @Inject
    RulesetActivator activator;

    @Inject
    RulesetVersions versions;

    @Inject
    DraftStore store;

    @Inject
    Uploads uploads;

    @Inject
    Clock clock;

    /** A new draft from uploaded files, on top of the active ruleset. */
    public Draft create(List<Uploads.Upload> sent, String note, Actor actor, Draft.Origin origin) {
        Edit edit = asNewDraft(sent, actor);
        return create(edit.draftFiles(), edit.uploaded(), edit.baseVersion(),
                Uploads.event("uploaded", edit.sent(), note), note, actor, origin);
    }

    /** What uploading these files as a new draft would find; nothing is stored. */
    public Candidate tryCreate(List<Uploads.Upload> sent, Actor actor) {
        Edit edit = asNewDraft(sent, actor);
        return uploads.trial(edit.draftFiles(), edit.baseVersion(), edit.uploaded(), actor);
    }

    /** What revising the draft with these files would find; nothing is stored, the draft is unchanged. */
    public Candidate tryRevise(long id, List<Uploads.Upload> sent, Actor actor) {
        Edit edit = asRevision(id, sent, actor);
        return uploads.trial(edit.draftFiles(), edit.baseVersion(), edit.uploaded(), actor);
    }

    /** Files sent, the whole set of files they make with a draft's others, which of those the analysts sent, and the base. */
    private record Edit(List<PolicyFile> sent, List<PolicyFile> draftFiles, Set<String> uploaded, String baseVersion) {
    }

    private Edit asNewDraft(List<Uploads.Upload> sent, Actor actor) {
        List<PolicyFile> files = Uploads.accept(sent, actor);
        Ruleset base = active.current();
        Set<String> uploaded = new LinkedHashSet<>();
        files.forEach(f -> uploaded.add(f.path()));
        return new Edit(files, Uploads.replace(base.sourceFiles(), files), uploaded, base.version());
    }

    private Edit asRevision(long id, List<Uploads.Upload> sent, Actor actor) {
        List<PolicyFile> files = Uploads.accept(sent, actor);
        Draft before = store.find(id);
        ApprovalRules.require(Step.REVISE, before, store.authorsOf(id), actor); // before the costly validation
        Set<String> uploaded = new LinkedHashSet<>(store.uploadedPaths(id));
        files.forEach(f -> uploaded.add(f.path()));
        return new Edit(files, Uploads.replace(store.files(id), files), uploaded, before.baseVersion);
    }

    /**
     * A new draft holding exactly these files (the folders' content, for watch mode). {@code changed} are the files
     * that differ from the active ruleset: they get the header guard, as uploads do.
     */
    public Draft create(List<PolicyFile> draftFiles, Set<String> changed, String baseVersion, String event, String note,
            Actor actor, Draft.Origin origin) {
        Candidate candidate = uploads.check(draftFiles, baseVersion, changed, actor);
        refuseDuplicate(candidate.version(), null);
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Draft draft = new Draft();
            draft.author = actor.name();
            draft.origin = origin;
            draft.createdAt = now;
            draft.note = DraftStore.trim(note);
            draft.status = DraftStatus.DRAFT;
            store.describe(draft, candidate, now);
            draft.persist();
            DraftStore.storeFiles(draft.id, draftFiles, changed);
            RulesetEvent.of(draft, null, actor.name(), now, event).persist();
            recordValidation(draft, candidate, now);
            return draft;
        });
    }

    /** New versions of some files of an open draft (the fix after a finding); validated again, approval reset. */
    public Draft revise(long id, List<Uploads.Upload> sent, String note, Actor actor) {
        Edit edit = asRevision(id, sent, actor);
        List<PolicyFile> files = edit.sent();
        List<PolicyFile> draftFiles = edit.draftFiles();
        Set<String> uploaded = edit.uploaded();
        Candidate candidate = uploads.check(draftFiles, edit.baseVersion(), uploaded, actor);
        refuseDuplicate(candidate.version(), id);
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Draft draft = DraftStore.locked(id);
            ApprovalRules.require(Step.REVISE, draft, DraftStore.authors(id), actor);
            DraftStatus from = draft.status;
            draft.status = DraftStatus.DRAFT;
            draft.approvedBy = null;
            draft.approvedAt = null;
            store.describe(draft, candidate, now);
            DraftFile.delete("draftId", id);
            DraftStore.storeFiles(id, draftFiles, uploaded);
            RulesetEvent.of(draft, from, actor.name(), now, Uploads.event("revised", files, note)).persist();
            recordValidation(draft, candidate, now);
            return draft;
        });
    }

    /** Approval by someone who neither uploaded nor revised the draft. */
    public Draft approve(long id, String note, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Draft draft = DraftStore.locked(id);
            ApprovalRules.require(Step.APPROVE, draft, DraftStore.authors(id), actor);
            return approved(draft, actor.name(), note);
        });
    }

    /**
     * Approval given by configuration rather than by a person: only watch mode set to activate on a local machine
     * does this, and the event says so.
     */
    Draft approveByConfiguration(long id, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Draft draft = DraftStore.locked(id);
            ApprovalRules.requireStatus(Step.APPROVE, draft);
            return approved(draft, WATCH, reason);
        });
    }

    /** Withdrawn by an author or turned down by an approver; a rejected draft goes no further. */
    public Draft reject(long id, String note, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Draft draft = DraftStore.locked(id);
            ApprovalRules.require(Step.REJECT, draft, DraftStore.authors(id), actor);
            return DraftStore.move(draft, DraftStatus.REJECTED, actor.name(), clock.instant(), note);
        });
    }

    /** Makes an approved draft the active ruleset; the one serving until now is retired. */
    public synchronized Draft activate(long id, String note, Actor actor) {
        Draft draft = store.find(id);
        ApprovalRules.require(Step.ACTIVATE, draft, store.authorsOf(id), actor);
        return switchTo(draft, "draft " + id, note, actor);
    }

    /** Brings back a version that served before, in one call. */
    public synchronized Draft rollback(String version, String note, Actor actor) {
        Draft retired = store.lastRetired(version).orElseThrow(() -> active.current().version().equals(version)
                ? new LifecycleConflictException(Message.of("lifecycle-conflict.detail.already-active", version))
                : RulesetVersionNotFoundException.because(
                        Message.of("ruleset-version-not-found.detail.never-served", version)));
        ApprovalRules.require(Step.ROLLBACK, retired, store.authorsOf(retired.id), actor);
        return switchTo(retired, "rollback to " + version, note, actor);
    }

    /**
     * Puts a version in force by the step its status allows: an approved draft is activated, a retired version rolled
     * back to; each step with its own rules (an approver; four eyes were given when the draft was approved).
     */
    public synchronized Draft putInForce(String version, String note, Actor actor) {
        if (active.current().version().equals(version)) {
            throw new LifecycleConflictException(Message.of("lifecycle-conflict.detail.already-active", version));
        }
        Optional<Draft> approved = store.newestOf(version, java.util.EnumSet.of(DraftStatus.APPROVED));
        return approved.isPresent() ? activate(approved.get().id, note, actor) : rollback(version, note, actor);
    }

    /** Activates the draft's version; the drafts' side of it is {@link DraftActivations}'. */
    private Draft switchTo(Draft draft, String origin, String note, Actor actor) {
        Ruleset ruleset;
        try {
            ruleset = versions.get(draft.version);
        } catch (RulesetCompilationException e) {
            // A version that compiled once and no longer does means the engine changed under it: not the caller's fault.
            throw new IllegalStateException("Kept version " + draft.version + " no longer compiles: " + e.getMessage(), e);
        }
        activator.activate(ruleset, new DraftActivation(draft.id, draft.status, origin, actor.name(), note));
        return store.find(draft.id);
    }

    private Draft approved(Draft draft, String approver, String note) {
        Instant now = clock.instant();
        draft.approvedBy = approver;
        draft.approvedAt = now;
        return DraftStore.move(draft, DraftStatus.APPROVED, approver, now, note);
    }

    private static void recordValidation(Draft draft, Candidate candidate, Instant now) {
        if (draft.errorCount == 0 && candidate.ruleset() != null) {
            DraftStore.move(draft, DraftStatus.VALIDATED, ApprovalRules.VALIDATION, now, draft.warningCount + " warnings");
        }
    }

    private void refuseDuplicate(String version, Long self) {
        if (active.current().version().equals(version)) {
            throw new LifecycleConflictException(Message.of("lifecycle-conflict.detail.changes-nothing", version));
        }
        store.open(version).filter(open -> !open.id.equals(self)).ifPresent(open -> {
            throw new LifecycleConflictException(Message.of("lifecycle-conflict.detail.same-files", open.id, version));
        });
    }
}

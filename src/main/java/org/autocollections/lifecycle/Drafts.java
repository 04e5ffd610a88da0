package org.autocollections.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.InvalidRequestException;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.RulesetActivator;
import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.tables.PolicyFile;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetArchive;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.tables.TableFormat;
import org.autocollections.validation.DraftValidator;
import org.autocollections.validation.Validation;


import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The lifecycle of a ruleset: an upload becomes a draft (the active files with the uploaded ones in place of their
 * namesakes), validated at once; an approver other than its authors approves it; an approver activates it; any
 * version that served before can be brought back. Every change of status is an event in the audit trail.
 */
@ApplicationScoped
public class Drafts {

    /** A file as the analyst sent it. */
    public record Upload(String fileName, byte[] content) {
    }

    /** Who is acting, and whether they may change code (a table's header rows, rule files). */
    public record Actor(String name, boolean developer) {
    }

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    static final String WATCH = "watch";

    @Inject
    ActiveRuleset active;

    @Inject
    RulesetActivator activator;

    @Inject
    DraftStore store;

    @Inject
    RulesetArchive archive;

    @Inject
    PolicyConfig config;

    @Inject
    Clock clock;

    private final DraftValidator validator = new DraftValidator();

    /** A new draft from uploaded files, on top of the active ruleset. */
    public Draft create(List<Upload> uploads, String note, Actor actor, Draft.Origin origin) {
        List<PolicyFile> files = accept(uploads, actor);
        Ruleset base = active.current();
        Set<String> uploaded = new LinkedHashSet<>();
        files.forEach(f -> uploaded.add(f.path()));
        return create(replace(base.sourceFiles(), files), uploaded, base.version(),
                "uploaded " + String.join(", ", names(files)) + (note == null || note.isBlank() ? "" : ": " + note),
                note, actor, origin);
    }

    /**
     * A new draft holding exactly these files (the folders' content, for watch mode). {@code changed} are the files
     * that differ from the active ruleset: they get the header guard, as uploads do.
     */
    public Draft create(List<PolicyFile> draftFiles, Set<String> changed, String baseVersion, String event, String note,
            Actor actor, Draft.Origin origin) {
        Candidate checked = check(draftFiles, baseVersion, changed, actor);
        refuseDuplicate(checked.version(), null);
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Draft draft = new Draft();
            draft.author = actor.name();
            draft.origin = origin;
            draft.createdAt = now;
            draft.note = DraftStore.trim(note);
            draft.status = DraftStatus.DRAFT;
            store.describe(draft, checked, now);
            draft.persist();
            DraftStore.storeFiles(draft.id, draftFiles, changed);
            RulesetEvent.of(draft, null, actor.name(), now, event).persist();
            recordValidation(draft, checked, now);
            return draft;
        });
    }

    /** The draft holding exactly these files, if one is open or active: so a scan of unchanged folders makes none. */
    public boolean isKnown(String version) {
        if (active.current().version().equals(version)) {
            return true;
        }
        return QuarkusTransaction.requiringNew().call(() -> Draft.count("version = ?1 and status in ?2", version,
                DraftStatus.OPEN) > 0);
    }

    /** New versions of some files of an open draft (the fix after a finding); validated again, approval reset. */
    public Draft revise(long id, List<Upload> uploads, String note, Actor actor) {
        List<PolicyFile> files = accept(uploads, actor);
        Draft before = store.find(id);
        requireOpen(before, "revised");
        List<PolicyFile> draftFiles = replace(store.files(id), files);
        Set<String> uploaded = new LinkedHashSet<>(store.uploadedPaths(id));
        files.forEach(f -> uploaded.add(f.path()));
        Candidate checked = check(draftFiles, before.baseVersion, uploaded, actor);
        refuseDuplicate(checked.version(), id);
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            Draft draft = DraftStore.locked(id);
            requireOpen(draft, "revised");
            DraftStatus from = draft.status;
            draft.status = DraftStatus.DRAFT;
            draft.approvedBy = null;
            draft.approvedAt = null;
            store.describe(draft, checked, now);
            DraftFile.delete("draftId", id);
            DraftStore.storeFiles(id, draftFiles, uploaded);
            RulesetEvent.of(draft, from, actor.name(), now, "revised " + String.join(", ", names(files))
                    + (note == null || note.isBlank() ? "" : ": " + note)).persist();
            recordValidation(draft, checked, now);
            return draft;
        });
    }

    /** Approval by someone who neither uploaded nor revised the draft. */
    public Draft approve(long id, String note, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Draft draft = DraftStore.locked(id);
            if (draft.status != DraftStatus.VALIDATED) {
                throw new LifecycleConflictException("Draft " + id + " is " + draft.status
                        + "; only a VALIDATED draft (no error findings) can be approved");
            }
            Set<String> authors = DraftStore.authors(id);
            if (authors.contains(actor.name())) {
                throw new FourEyesException("Draft " + id + " was uploaded or revised by " + actor.name()
                        + "; another approver must approve it");
            }
            Instant now = clock.instant();
            draft.approvedBy = actor.name();
            draft.approvedAt = now;
            return DraftStore.move(draft, DraftStatus.APPROVED, actor.name(), now, note);
        });
    }

    /**
     * Approval given by configuration rather than by a person: only watch mode set to activate on a local machine
     * does this, and the event says so.
     */
    Draft approveByConfiguration(long id, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Draft draft = DraftStore.locked(id);
            if (draft.status != DraftStatus.VALIDATED) {
                throw new LifecycleConflictException("Draft " + id + " is " + draft.status);
            }
            Instant now = clock.instant();
            draft.approvedBy = WATCH;
            draft.approvedAt = now;
            return DraftStore.move(draft, DraftStatus.APPROVED, WATCH, now, reason);
        });
    }

    /** Withdrawn by an author or turned down by an approver; a rejected draft goes no further. */
    public Draft reject(long id, String note, Actor actor, boolean approver) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Draft draft = DraftStore.locked(id);
            requireOpen(draft, "rejected");
            if (!approver && !DraftStore.authors(id).contains(actor.name())) {
                throw new FourEyesException("Only an approver or an author of draft " + id + " may reject it");
            }
            return DraftStore.move(draft, DraftStatus.REJECTED, actor.name(), clock.instant(), note);
        });
    }

    /** Makes an approved draft the active ruleset; the one serving until now is retired. */
    public synchronized Draft activate(long id, String note, Actor actor) {
        Draft draft = store.find(id);
        if (draft.status != DraftStatus.APPROVED) {
            throw new LifecycleConflictException("Draft " + id + " is " + draft.status + "; only an APPROVED draft can be activated");
        }
        return switchTo(draft.version, "draft " + id, note, actor, DraftStatus.APPROVED, id);
    }

    /** Brings back a version that served before, in one call. */
    public synchronized Draft rollback(String version, String note, Actor actor) {
        Draft retired = QuarkusTransaction.requiringNew().call(() -> Draft.<Draft>find(
                "version = ?1 and status = ?2 order by id desc", version, DraftStatus.RETIRED).firstResult());
        if (retired == null) {
            boolean serving = active.current().version().equals(version);
            throw serving ? new LifecycleConflictException("Version " + version + " is already active")
                    : new DraftNotFoundException("No version " + version + " has served before; only those can be rolled back to");
        }
        return switchTo(version, "rollback to " + version, note, actor, DraftStatus.RETIRED, retired.id);
    }

    private Draft switchTo(String version, String origin, String note, Actor actor, DraftStatus expected, long id) {
        Ruleset ruleset;
        try {
            ruleset = archive.version(version).orElseThrow(
                    () -> new DraftNotFoundException("The files of version " + version + " are not kept"));
        } catch (RulesetCompilationException e) {
            // A version that compiled once and no longer does means the engine changed under it: not the caller's fault.
            throw new IllegalStateException("Kept version " + version + " no longer compiles: " + e.getMessage(), e);
        }
        activator.activate(ruleset, new DraftActivation(id, expected, origin, actor.name(), note));
        return store.find(id);
    }

    private Candidate check(List<PolicyFile> draftFiles, String baseVersion, Set<String> uploaded, Actor actor) {
        List<PolicyFile> baseFiles = baseVersion == null ? List.of() : archive.files(baseVersion);
        Validation validation = validator.validate(draftFiles, baseFiles, uploaded, actor.developer(),
                config.model(), clock.instant());
        if (validation.ruleset() != null) {
            archive.keepCompiled(validation.ruleset()); // simulations and regressions ask for it by version next
        }
        String version = RulesetCompiler.versionOf(draftFiles);
        return new Candidate(version, validation.ruleset() != null ? validation.ruleset().digest() : version,
                baseVersion, validation.findings(), validation.ruleset(), DraftChanges.between(baseFiles, draftFiles));
    }

    private static void recordValidation(Draft draft, Candidate checked, Instant now) {
        if (draft.errorCount == 0 && checked.ruleset() != null) {
            DraftStore.move(draft, DraftStatus.VALIDATED, DraftStore.VALIDATION, now, draft.warningCount + " warnings");
        }
    }

    private void refuseDuplicate(String version, Long self) {
        if (active.current().version().equals(version)) {
            throw new LifecycleConflictException("The files change nothing: version " + version + " is the active one");
        }
        Draft open = QuarkusTransaction.requiringNew().call(() -> Draft.<Draft>find("version = ?1 and status in ?2",
                version, DraftStatus.OPEN).firstResult());
        if (open != null && !open.id.equals(self)) {
            throw new LifecycleConflictException("Draft " + open.id + " already holds exactly these files (version " + version + ")");
        }
    }

    private static void requireOpen(Draft draft, String verb) {
        if (!DraftStatus.OPEN.contains(draft.status)) {
            throw new LifecycleConflictException("Draft " + draft.id + " is " + draft.status + " and can no longer be " + verb);
        }
    }

    /**
     * Checks the uploaded names before anything is read: tables only, unless a developer also sends rule files, and
     * no name twice (two formats of one table included), so which file won is never a guess.
     */
    private static List<PolicyFile> accept(List<Upload> uploads, Actor actor) {
        if (uploads == null || uploads.isEmpty()) {
            throw new InvalidRequestException("files", "send at least one decision table (*.drl.xlsx or *.drl.csv)");
        }
        Map<String, PolicyFile> byName = new LinkedHashMap<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String field = "files[" + i + "]";
            String name = upload.fileName() == null ? "" : upload.fileName().replaceAll(".*[/\\\\]", "");
            if (!FILE_NAME.matcher(name).matches()) {
                throw new InvalidRequestException(field, "file name '" + name + "' must be letters, digits, '.', '-' or '_'");
            }
            String folder;
            if (TableFormat.of(name).isPresent()) {
                folder = "decision-tables/";
            } else if (name.endsWith(".drl") && actor.developer()) {
                folder = "rules/";
            } else {
                throw new InvalidRequestException(field, "'" + name + "' is not a decision table: name it *.drl.xlsx or *.drl.csv"
                        + (name.endsWith(".drl") ? " (rule files need the developer role)" : ""));
            }
            if (upload.content() == null || upload.content().length == 0) {
                throw new InvalidRequestException(field, "'" + name + "' is empty");
            }
            PolicyFile file = new PolicyFile(folder + name, upload.content());
            if (byName.put(TableFormat.withoutSuffix(file.path()), file) != null) {
                throw new InvalidRequestException(field, "'" + name + "' is sent twice (perhaps as both .xlsx and .csv)");
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** The files with each upload in place of its namesake (the same table in any format). */
    private static List<PolicyFile> replace(List<PolicyFile> files, List<PolicyFile> uploads) {
        Set<String> replaced = new LinkedHashSet<>();
        uploads.forEach(u -> replaced.add(TableFormat.withoutSuffix(u.path())));
        List<PolicyFile> result = new ArrayList<>();
        files.stream().filter(f -> !replaced.contains(TableFormat.withoutSuffix(f.path()))).forEach(result::add);
        result.addAll(uploads);
        return result;
    }

    private static List<String> names(List<PolicyFile> files) {
        return files.stream().map(f -> f.path().substring(f.path().indexOf('/') + 1)).toList();
    }
}

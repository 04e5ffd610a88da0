package org.autocollections.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.autocollections.api.Message;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.tables.PolicyFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The drafts as the database keeps them: a draft, its files, its history; and the writes that every step shares
 * (a change of status is always an event in the audit trail). Writes run in the caller's transaction.
 */
@ApplicationScoped
public class DraftStore {

    @Inject
    ActiveRuleset active;

    @Inject
    ObjectMapper json;

    public Draft find(long id) {
        Draft draft = QuarkusTransaction.requiringNew().call(() -> Draft.<Draft>findById(id));
        if (draft == null) {
            throw new DraftNotFoundException(Message.of("draft-not-found.detail", id));
        }
        return draft;
    }

    /** The draft, locked until the transaction ends, so two steps on it take turns. */
    static Draft locked(long id) {
        Draft draft = Draft.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (draft == null) {
            throw new DraftNotFoundException(Message.of("draft-not-found.detail", id));
        }
        return draft;
    }

    /** The newest drafts, of one status or of any. */
    List<Draft> newestFirst(DraftStatus status, int limit) {
        return (status == null ? Draft.<Draft>findAll(Sort.descending("id"))
                : Draft.<Draft>find("status", Sort.descending("id"), status)).page(Page.ofSize(limit)).list();
    }

    public List<PolicyFile> files(long id) {
        return QuarkusTransaction.requiringNew().call(() -> fileRows(id).stream().map(DraftFile::toPolicyFile).toList());
    }

    List<DraftFile> fileRows(long id) {
        return DraftFile.list("draftId = ?1 order by path", id);
    }

    List<String> uploadedPaths(long id) {
        return QuarkusTransaction.requiringNew().call(() -> DraftFile.<DraftFile>list("draftId = ?1 and uploaded = true", id)
                .stream().map(f -> f.path).toList());
    }

    /** The files of the latest draft holding that version, whether it compiles or not; none when there is no such draft. */
    List<PolicyFile> filesOfVersion(String version) {
        return QuarkusTransaction.requiringNew().call(() -> Draft.<Draft>find("version = ?1 order by id desc", version)
                .firstResultOptional().map(d -> DraftFile.<DraftFile>list("draftId", d.id).stream()
                        .map(DraftFile::toPolicyFile).toList()).orElse(List.of()));
    }

    List<RulesetEvent> events(long id) {
        return RulesetEvent.list("draftId = ?1 order by id", id);
    }

    /** Everyone who put files into the draft, in the caller's transaction: they may not approve it. */
    static Set<String> authors(long id) {
        return ApprovalRules.authors(Draft.findById(id), RulesetEvent.list("draftId = ?1 order by id", id));
    }

    Set<String> authorsOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> authors(id));
    }

    /** The draft holding exactly these files, if one is open or active: so a scan of unchanged folders makes none. */
    public boolean isKnown(String version) {
        return active.current().version().equals(version) || open(version).isPresent();
    }

    /** The version the lifecycle's records name active: what every replica is to serve. */
    Optional<String> activeVersion() {
        return QuarkusTransaction.requiringNew().call(() -> Draft.<Draft>find("status = ?1 order by updatedAt desc",
                DraftStatus.ACTIVE).firstResultOptional().map(d -> d.version));
    }

    /** The open draft holding exactly these files, if any. */
    Optional<Draft> open(String version) {
        return QuarkusTransaction.requiringNew().call(() -> Draft.<Draft>find("version = ?1 and status in ?2",
                version, DraftStatus.OPEN).firstResultOptional());
    }

    /** The newest draft holding that version in one of the statuses: how far the version went through the lifecycle. */
    public Optional<Draft> newestOf(String version, java.util.Collection<DraftStatus> statuses) {
        return QuarkusTransaction.requiringNew().call(() -> Draft.<Draft>find(
                "version = ?1 and status in ?2 order by id desc", version, statuses).firstResultOptional());
    }

    /** The draft of that version that served last and was replaced, if any. */
    Optional<Draft> lastRetired(String version) {
        return QuarkusTransaction.requiringNew().call(() -> Draft.<Draft>find(
                "version = ?1 and status = ?2 order by id desc", version, DraftStatus.RETIRED).firstResultOptional());
    }

    /** Writes what checking the files found into the draft. */
    void describe(Draft draft, Candidate candidate, Instant now) {
        draft.version = candidate.version();
        draft.digest = candidate.digest();
        draft.baseVersion = candidate.baseVersion();
        draft.updatedAt = now;
        draft.errorCount = candidate.errorCount();
        draft.warningCount = candidate.findings().size() - draft.errorCount;
        draft.findings = write(candidate.findings());
        draft.changes = write(candidate.changes());
    }

    static void storeFiles(long id, List<PolicyFile> files, Set<String> uploaded) {
        files.forEach(f -> DraftFile.of(id, f, uploaded.contains(f.path())).persist());
    }

    /** Changes the draft's status and keeps the change in the audit trail. */
    static Draft move(Draft draft, DraftStatus to, String actor, Instant now, String note) {
        DraftStatus from = draft.status;
        draft.status = to;
        draft.updatedAt = now;
        RulesetEvent.of(draft, from, actor, now, trim(note)).persist();
        return draft;
    }

    static void retireActive(String actor, Instant now, String note) {
        for (Draft serving : Draft.<Draft>list("status", DraftStatus.ACTIVE)) {
            move(serving, DraftStatus.RETIRED, actor, now, note);
        }
    }

    static String trim(String note) {
        return note == null || note.length() <= 2000 ? note : note.substring(0, 2000);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write as JSON", e);
        }
    }
}

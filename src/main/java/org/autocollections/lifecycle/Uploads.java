package org.autocollections.lifecycle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.Message;
import org.autocollections.api.InvalidRequestException;
import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.ruleset.RulesetArchive;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.tables.PolicyFile;
import org.autocollections.ruleset.Wording;
import org.autocollections.tables.TableFormat;
import org.autocollections.validation.DraftValidator;
import org.autocollections.validation.Validation;

/**
 * What an analyst sends, made a candidate ruleset: the file names checked before anything is read, each file put in
 * place of its namesake, and the whole validated against the version it is based on.
 */
@ApplicationScoped
public class Uploads {

    /** A file as the analyst sent it. */
    public record Upload(String fileName, byte[] content) {
    }

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    @Inject
    RulesetArchive archive;

    @Inject
    PolicyConfig config;

    @Inject
    Clock clock;

    private final DraftValidator validator = new DraftValidator();

    /**
     * Checks the uploaded names before anything is read: tables only, unless a developer also sends rule files, and
     * no name twice (two formats of one table included), so which file won is never a guess.
     */
    static List<PolicyFile> accept(List<Upload> uploads, Actor actor) {
        if (uploads == null || uploads.isEmpty()) {
            throw new InvalidRequestException("files", Message.of("field.files-none"));
        }
        Map<String, PolicyFile> byName = new LinkedHashMap<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String field = "files[" + i + "]";
            String name = upload.fileName() == null ? "" : upload.fileName().replaceAll(".*[/\\\\]", "");
            if (!FILE_NAME.matcher(name).matches()) {
                throw new InvalidRequestException(field, Message.of("field.file-name", name));
            }
            String folder;
            if (TableFormat.of(name).isPresent() || Wording.isWordingFile(name)) {
                folder = "decision-tables/";
            } else if (name.endsWith(".drl") && actor.developer()) {
                folder = "rules/";
            } else {
                throw new InvalidRequestException(field, Message.of(name.endsWith(".drl") ? "field.not-a-table-rule-file"
                        : "field.not-a-table", name, Wording.FILE));
            }
            if (upload.content() == null || upload.content().length == 0) {
                throw new InvalidRequestException(field, Message.of("field.file-empty", name));
            }
            PolicyFile file = new PolicyFile(folder + name, upload.content());
            if (byName.put(TableFormat.withoutSuffix(file.path()), file) != null) {
                throw new InvalidRequestException(field, Message.of("field.file-twice", name));
            }
        }
        return new ArrayList<>(byName.values());
    }

    /** The files with each upload in place of its namesake (the same table in any format). */
    static List<PolicyFile> replace(List<PolicyFile> files, List<PolicyFile> uploads) {
        Set<String> replaced = new LinkedHashSet<>();
        uploads.forEach(u -> replaced.add(TableFormat.withoutSuffix(u.path())));
        List<PolicyFile> result = new ArrayList<>();
        files.stream().filter(f -> !replaced.contains(TableFormat.withoutSuffix(f.path()))).forEach(result::add);
        result.addAll(uploads);
        return result;
    }

    /** What the audit trail says of an upload or a revision: "uploaded a.drl.csv, b.drl.csv: the analyst's note". */
    static String event(String verb, List<PolicyFile> files, String note) {
        List<String> names = files.stream().map(f -> f.path().substring(f.path().indexOf('/') + 1)).toList();
        return verb + " " + String.join(", ", names) + (note == null || note.isBlank() ? "" : ": " + note);
    }

    /**
     * Validates a draft's files against its base version; {@code uploaded} are the files the analyst sent, which get
     * the header guard. A candidate that compiles is kept, as simulations and regressions ask for it by version next.
     */
    Candidate check(List<PolicyFile> draftFiles, String baseVersion, Set<String> uploaded, Actor actor) {
        Candidate candidate = trial(draftFiles, baseVersion, uploaded, actor);
        if (candidate.ruleset() != null) {
            archive.keepCompiled(candidate.ruleset());
        }
        return candidate;
    }

    /**
     * The same validation, keeping nothing: what an edit in progress would find if it were saved now, so the page's
     * editor shows the findings of an upload without the server holding a version nobody asked for.
     */
    Candidate trial(List<PolicyFile> draftFiles, String baseVersion, Set<String> uploaded, Actor actor) {
        List<PolicyFile> baseFiles = baseVersion == null ? List.of() : archive.files(baseVersion);
        Validation validation = validator.validate(draftFiles, baseFiles, uploaded, actor.developer(),
                config.model(), clock.instant());
        String version = RulesetCompiler.versionOf(draftFiles);
        return new Candidate(version, validation.ruleset() != null ? validation.ruleset().digest() : version,
                baseVersion, validation.findings(), validation.ruleset(), DraftChanges.between(baseFiles, draftFiles));
    }
}

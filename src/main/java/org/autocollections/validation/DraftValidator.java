package org.autocollections.validation;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.autocollections.api.Message;
import org.autocollections.policy.CaseFacts;
import org.autocollections.tables.PolicyFile;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompilationException;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.api.RulesetProblem.Severity;
import org.autocollections.tables.SheetGrid;
import org.autocollections.tables.TableFormat;
import org.autocollections.tables.TableReader;

/**
 * Validates an analyst's draft ruleset: the active ruleset's files with the uploaded ones in place of their namesakes.
 * The whole draft must compile; each uploaded table must keep its code rows as the active one has them
 * ({@link HeaderGuard}), hold plain values in its data cells ({@link CellValueCheck}) and have bands without gaps,
 * overlaps or dead rows ({@link RangeLint}). Only the uploaded tables are checked beyond compiling: the others are the
 * active ruleset's, already accepted, and findings about them would bury the ones the upload caused.
 * <p>
 * A developer's changes to code rows and cells are WARNINGs, an analyst's ERRORs. An uploaded table with no namesake
 * in the active ruleset (UNKNOWN_TABLE) is an ERROR for an analyst, since every cell of its header is new code that
 * nothing can be compared with, and a WARNING for a developer; an uploaded rule file ({@code .drl}) is code through
 * and through, and likewise refused from an analyst (as a HEADER_CHANGED ERROR for the whole file).
 * <p>
 * Plain class without state between calls; safe to share.
 */
public final class DraftValidator {

    private final TableReader reader = new TableReader();
    private final FieldTypes fieldTypes = new FieldTypes(CaseFacts.class.getClassLoader());

    public Validation validate(List<PolicyFile> draftFiles, List<PolicyFile> baseFiles, Set<String> uploadedPaths,
            boolean developer, RuleModel model, Instant now) {
        List<Finding> findings = new ArrayList<>();
        Ruleset ruleset = null;
        try {
            ruleset = new RulesetCompiler(model).compile("draft", draftFiles, now);
            ruleset.warnings().stream().map(Finding::of).forEach(findings::add);
        } catch (RulesetCompilationException e) {
            e.problems().stream().map(Finding::of).forEach(findings::add);
        }
        Severity codeChange = developer ? Severity.WARNING : Severity.ERROR;
        Map<String, PolicyFile> baseByName = new HashMap<>();
        baseFiles.stream().filter(PolicyFile::isTable).forEach(f -> baseByName.put(TableFormat.withoutSuffix(f.path()), f));
        for (PolicyFile file : draftFiles) {
            if (!uploadedPaths.contains(file.path())) {
                continue;
            }
            if (!file.isTable()) {
                if (file.isDrl() && !developer) {
                    findings.add(Finding.inFile(Severity.ERROR, Finding.Kind.HEADER_CHANGED, file.path(),
                            Message.of("finding.HEADER_CHANGED.message.rule-file")));
                }
                continue;
            }
            Optional<List<SheetLayout>> upload = layouts(file);
            if (upload.isEmpty()) {
                continue; // the compiler has reported it as unreadable
            }
            PolicyFile base = baseByName.get(TableFormat.withoutSuffix(file.path()));
            if (base == null) {
                findings.add(Finding.inFile(codeChange, Finding.Kind.UNKNOWN_TABLE, file.path(), Message.of(developer
                        ? "finding.UNKNOWN_TABLE.message.developer" : "finding.UNKNOWN_TABLE.message.analyst")));
            } else {
                layouts(base).ifPresent(theirs -> findings.addAll(new HeaderGuard().compare(file.path(), upload.get(), theirs, codeChange)));
            }
            for (SheetLayout sheet : upload.get()) {
                findings.addAll(new CellValueCheck().check(file.path(), sheet, codeChange));
                findings.addAll(new RangeLint(fieldTypes).lint(file.path(), sheet));
            }
        }
        findings.sort(BY_PLACE);
        boolean refused = findings.stream().anyMatch(Finding::isError);
        return new Validation(findings, refused ? null : ruleset);
    }

    /** Findings in reading order: by file, sheet, row and column; those for a whole file or sheet first. */
    private static final Comparator<Finding> BY_PLACE = Comparator
            .comparing(Finding::file, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::sheet, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::row, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> f.column() == null ? "" : String.format("%3s", f.column()));

    private Optional<List<SheetLayout>> layouts(PolicyFile file) {
        try {
            List<SheetGrid> grids = reader.read(TableFormat.of(file.path()).orElseThrow(), file.content());
            return Optional.of(grids.stream().filter(SheetLayout::hasTable).map(SheetLayout::of).toList());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

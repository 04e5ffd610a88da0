package org.autocollections.validation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.autocollections.tables.PolicyFile;
import org.autocollections.ruleset.RuleModel;
import org.autocollections.ruleset.RulesetSource;

/** Drafts for the validator's tests: the shipped ruleset, and files replaced in it as an upload replaces them. */
final class Drafts {

    private Drafts() {
    }

    static List<PolicyFile> shipped() {
        return new RulesetSource(Path.of("rules"), Path.of("decision-tables"), true).load().files();
    }

    static List<PolicyFile> shippedTables() {
        return shipped().stream().filter(PolicyFile::isTable).toList();
    }

    /** The base files with each upload in place of its namesake (a workbook replaces the CSV of the same name). */
    static List<PolicyFile> replace(List<PolicyFile> base, PolicyFile... uploads) {
        List<PolicyFile> draft = new ArrayList<>(base);
        for (PolicyFile upload : uploads) {
            draft.removeIf(f -> org.autocollections.tables.TableFormat.withoutSuffix(f.path()).equals(org.autocollections.tables.TableFormat.withoutSuffix(upload.path())));
            draft.add(upload);
        }
        return draft;
    }

    /** Validated with the rule model the service runs (collections.policy.model), as an upload is. */
    static Validation validate(List<PolicyFile> base, boolean developer, PolicyFile... uploads) {
        Set<String> uploaded = java.util.Arrays.stream(uploads).map(PolicyFile::path).collect(Collectors.toSet());
        return new DraftValidator().validate(replace(base, uploads), base, uploaded, developer, RuleModel.EXECUTABLE, Instant.EPOCH);
    }

    static PolicyFile csv(String path, String text) {
        return new PolicyFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}

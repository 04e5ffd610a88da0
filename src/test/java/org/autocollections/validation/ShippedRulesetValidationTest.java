package org.autocollections.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.autocollections.ruleset.PolicyFile;
import org.junit.jupiter.api.Test;

/** The shipped tables, uploaded as they are, are a draft with nothing to report: the checks know the policy's idioms. */
class ShippedRulesetValidationTest {

    @Test
    void theShippedTablesUploadedAsTheyAreHaveNoFindings() {
        List<PolicyFile> shipped = Drafts.shipped();
        Validation validation = Drafts.validate(shipped, false, Drafts.shippedTables().toArray(PolicyFile[]::new));
        assertThat(validation.findings()).isEmpty();
        assertThat(validation.ruleset()).isNotNull();
    }
}

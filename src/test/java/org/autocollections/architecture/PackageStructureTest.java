package org.autocollections.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.autocollections.DatabaseFree;

/**
 * The structure docs/architecture.md draws, checked on the compiled classes (imports, fully qualified names,
 * annotations and signatures all count). A failure names the classes on the offending path; docs/architecture.md
 * says which way a dependency may point.
 */
@DatabaseFree
class PackageStructureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.autocollections");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("org.autocollections.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void theWireContractDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.autocollections.api..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.autocollections.api..", "java..",
                        "jakarta..", "com.fasterxml..", "org.eclipse.microprofile..")
                .check(PRODUCTION);
    }

    @Test
    void thePolicyVocabularyAndTheEngineKnowNoFeature() {
        noClasses().that().resideInAnyPackage("org.autocollections.policy..", "org.autocollections.engine..",
                "org.autocollections.ruleset..", "org.autocollections.tables..")
                .should().dependOnClassesThat().resideInAnyPackage("org.autocollections.lifecycle..",
                        "org.autocollections.validation..", "org.autocollections.simulation..",
                        "org.autocollections.regression..", "org.autocollections.scoring..",
                        "org.autocollections.portfolio..", "org.autocollections.cases..",
                        "org.autocollections.decisions..", "org.autocollections.audit..",
                        "org.autocollections.experiments..", "org.autocollections.http..", "org.autocollections.cli..")
                .check(PRODUCTION);
    }

    @Test
    void nothingButTheCommandLineDependsOnHttpPlumbing() {
        noClasses().that().resideOutsideOfPackages("org.autocollections.http..", "org.autocollections.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.autocollections.http..")
                .check(PRODUCTION);
    }
}

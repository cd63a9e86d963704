package org.afannotator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of DESIGN.md; each test fails when a rule is broken. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.afannotator");
    }

    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("launcher").definedBy("org.afannotator")
                .layer("ui").definedBy("org.afannotator.ui..")
                .layer("cli").definedBy("org.afannotator.cli..")
                .layer("app").definedBy("org.afannotator.app..")
                .layer("report").definedBy("org.afannotator.report..")
                .layer("ingest").definedBy("org.afannotator.ingest..")
                .layer("stats").definedBy("org.afannotator.stats..")
                .layer("store").definedBy("org.afannotator.store..")
                .layer("domain").definedBy("org.afannotator.domain..")
                .whereLayer("launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("launcher")
                .whereLayer("app").mayOnlyBeAccessedByLayers("ui", "cli", "launcher")
                .whereLayer("report").mayOnlyBeAccessedByLayers("app", "ui", "cli")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("app", "ui", "cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("app", "cli", "ingest", "report")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("app", "ui", "cli", "report");
    }

    static ArchRule domainDependsOnlyOnJava() {
        return noClasses().that().resideInAPackage("org.afannotator.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.afannotator.domain..");
    }

    static ArchRule statsDependsOnlyOnJavaAndDomain() {
        return noClasses().that().resideInAPackage("org.afannotator.stats..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "java..", "org.afannotator.stats..", "org.afannotator.domain..")
                .allowEmptyShould(true);
    }

    static ArchRule nothingBelowUiImportsJavaFx() {
        return noClasses().that().resideOutsideOfPackages("org.afannotator.ui..", "org.afannotator")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                        "org.fxmisc..", "org.kordamp..");
    }

    static ArchRule uiNeverTouchesSql() {
        return noClasses().that().resideInAPackage("org.afannotator.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..");
    }

    /**
     * The desktop's file choosers open the files they list, which on POSIX releases an open
     * project's SQLite locks (decision 0109): the app uses its own PathChooser.
     */
    static ArchRule noNativeFileChoosers() {
        return noClasses().should().dependOnClassesThat()
                .haveFullyQualifiedName("javafx.stage.FileChooser")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.DirectoryChooser");
    }

    @Test
    void noNativeFileChooser() {
        noNativeFileChoosers().check(classes);
    }

    @Test
    void layersPointDownOnly() {
        layers().check(classes);
    }

    @Test
    void domainIsPlainJava() {
        domainDependsOnlyOnJava().check(classes);
    }

    @Test
    void statsIsPure() {
        statsDependsOnlyOnJavaAndDomain().check(classes);
    }

    @Test
    void onlyUiUsesJavaFx() {
        nothingBelowUiImportsJavaFx().check(classes);
    }

    @Test
    void uiHasNoSql() {
        uiNeverTouchesSql().check(classes);
    }
}

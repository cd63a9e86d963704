package org.afannotator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ArchitectureTest} must fail on code that breaks them: checked against small
 * offending classes that live only in the tests (src/test/.../archfixture).
 */
class ArchitectureRulesCatchViolationsTest {
    static JavaClasses fixture(Class<?>... cs) {
        return new ClassFileImporter().importClasses(cs);
    }

    @Test
    void domainUsingJacksonIsCaught() {
        assertThatThrownBy(() -> ArchitectureTest.domainDependsOnlyOnJava()
                .check(fixture(org.afannotator.domain.ArchFixtureDomainUsesJackson.class)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void storeImportingJavaFxIsCaught() {
        assertThatThrownBy(() -> ArchitectureTest.nothingBelowUiImportsJavaFx()
                .check(fixture(org.afannotator.store.ArchFixtureStoreUsesJavaFx.class)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void uiUsingSqlIsCaught() {
        assertThatThrownBy(() -> ArchitectureTest.uiNeverTouchesSql()
                .check(fixture(org.afannotator.ui.ArchFixtureUiUsesSql.class)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void storeCallingAppIsCaught() {
        assertThatThrownBy(() -> ArchitectureTest.layers()
                .check(fixture(org.afannotator.store.ArchFixtureStoreCallsApp.class, org.afannotator.app.ProjectInfoService.class)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aNativeFileChooserIsCaught() {
        assertThatThrownBy(() -> ArchitectureTest.noNativeFileChoosers()
                .check(fixture(org.afannotator.ui.ArchFixtureUiUsesFileChooser.class)))
                .isInstanceOf(AssertionError.class);
    }
}

package app.digits.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Fails the build when features depend on each other in a circle: a feature (the package under
 * {@code app.digits}) may use the ones below it, never one that uses it back, so each can be read, tested and
 * changed on its own. Nor may the boundary, control and entity packages of all features form one.
 */
@AnalyzeClasses(packages = "app.digits", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("app.digits.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersInsideAFeatureFormNoCycle = slices().matching("app.digits.(*).(*)..").should().beFreeOfCycles();
}

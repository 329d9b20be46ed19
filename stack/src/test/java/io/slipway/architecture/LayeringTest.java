package io.slipway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LayeringTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(LayeringRules.PRODUCTION_ONLY)
                .importPackages("io.slipway");
    }

    @Test
    void shouldImportEveryLayerThatHasCode() {
        // Guards the guard: a rule over an empty import passes whatever the code does.
        assertTrue(production.containPackage("io.slipway.base"), "base imported");
        assertTrue(production.containPackage("io.slipway.hal"), "hal imported");
        assertTrue(production.containPackage("io.slipway.hal.serial"), "hal.serial imported");
        assertTrue(production.containPackage("io.slipway.driver"), "driver imported");
        assertTrue(production.containPackage("io.slipway.stack"), "stack imported");
    }

    @Test
    void shouldKeepEveryLayerOnTheOneBelow() {
        LayeringRules.layers("io.slipway").check(production);
    }

    @Test
    void shouldReferenceJSerialCommOnlyInHalSerial() {
        jSerialCommOnlyInSerial("io.slipway").check(production);
    }

    @Test
    void shouldFailTheLayeringRuleForAnUpwardDependency() {
        JavaClasses fixture = new ClassFileImporter().importPackages("fixture.layering");
        EvaluationResult result = LayeringRules.layers("fixture.layering").evaluate(fixture);

        assertTrue(result.hasViolation(), "the driver → ip dependency of the fixture must be reported");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("fixture.layering.driver.UpwardDriver"), report);
        assertTrue(report.contains("fixture.layering.ip.Ipv4Fixture"), report);
    }

    @Test
    void shouldFailTheLayeringRuleWhenBaseUsesALayer() {
        JavaClasses fixture = new ClassFileImporter().importPackages("fixture.layering");
        String report = LayeringRules.layers("fixture.layering").evaluate(fixture)
                .getFailureReport().toString();

        assertTrue(report.contains("fixture.layering.base.LeakyPrimitive"), report);
    }

    @Test
    void shouldFailTheJSerialCommRuleOutsideHalSerial() {
        JavaClasses fixture = new ClassFileImporter().importPackages("fixture.leak");
        EvaluationResult result = jSerialCommOnlyInSerial("fixture.leak").evaluate(fixture);

        assertTrue(result.hasViolation(), result.getFailureReport().toString());
    }

    @Test
    void shouldPassTheLayeringRuleForCleanFixtureLayers() {
        JavaClasses clean = new ClassFileImporter().importPackages("fixture.layering.ip");
        assertFalse(LayeringRules.layers("fixture.layering").evaluate(clean).hasViolation());
    }

    private static ArchRule jSerialCommOnlyInSerial(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".hal.serial..")
                .should().dependOnClassesThat().resideInAPackage("com.fazecast..")
                .because("DESIGN.md: jSerialComm is referenced only inside hal's serial package");
    }
}

package io.slipway.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of DESIGN.md as ArchUnit rules, over any root package so that the same rule can
 * be run on the real code and on a fixture that breaks it.
 *
 * <pre>
 *   app → socket → tcp, udp → ip, arp, icmp → driver → hal → (nothing but base)
 *   base: used by all, uses none;   stack: the composition root, used by none
 * </pre>
 *
 * A layer may use only the layer right below it and base. Upward delivery therefore has to go
 * through interfaces the lower layer owns (the driver's FrameReceiver, implemented by IP).
 */
final class LayeringRules {
    private LayeringRules() {
    }

    static ArchRule layers(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                // Upper layers are filled in by later work; an empty layer is not a violation.
                .withOptionalLayers(true)
                .layer("Base").definedBy(root + ".base..")
                .layer("Hal").definedBy(root + ".hal..")
                .layer("Driver").definedBy(root + ".driver..")
                .layer("Network").definedBy(root + ".ip..", root + ".arp..", root + ".icmp..")
                .layer("Transport").definedBy(root + ".tcp..", root + ".udp..")
                .layer("Socket").definedBy(root + ".socket..")
                .layer("App").definedBy(root + ".app..")
                .layer("Stack").definedBy(root + ".stack..")

                .whereLayer("Base").mayNotAccessAnyLayer()
                .whereLayer("Hal").mayOnlyAccessLayers("Base")
                .whereLayer("Driver").mayOnlyAccessLayers("Hal", "Base")
                .whereLayer("Network").mayOnlyAccessLayers("Driver", "Base")
                .whereLayer("Transport").mayOnlyAccessLayers("Network", "Base")
                .whereLayer("Socket").mayOnlyAccessLayers("Transport", "Base")
                .whereLayer("App").mayOnlyAccessLayers("Socket", "Base")
                .whereLayer("Stack").mayNotBeAccessedByAnyLayer()
                .because("DESIGN.md: a layer calls only the layer below; upward delivery goes"
                        + " through an interface the lower layer owns");
    }

    /** Production classes only: not test classes, not the hal test-jar. */
    static final ImportOption PRODUCTION_ONLY = location ->
            !location.contains("/test-classes/") && !location.contains("-tests.jar");
}

package org.openvto.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of docs/ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.openvto");

    @Test
    void protocolCodecsKnowOnlyTheJdk() {
        classes().that().resideInAPackage("org.openvto.digest..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.openvto.digest..", "java..", "javax.crypto..").check(CLASSES);
    }

    @Test
    void theDomainImportsNoWebStorageOrProtocolInternals() {
        noClasses().that().resideInAnyPackage("org.openvto.device..", "org.openvto.security..", "org.openvto.event..",
                "org.openvto.household..", "org.openvto.network..",
                "org.openvto.config..", "org.openvto.validation..").should().dependOnClassesThat()
                .resideInAnyPackage("org.openvto.web..", "org.openvto.storage..", "org.openvto.app..", "io.javalin..",
                        "org.jdbi..", "java.sql..", "io.netty..")
                .check(CLASSES);
    }

    @Test
    void theWebLayerDoesNotReachIntoStorage() {
        noClasses().that().resideInAPackage("org.openvto.web..").should().dependOnClassesThat()
                .resideInAnyPackage("org.openvto.storage..", "org.jdbi..", "java.sql..").check(CLASSES);
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnFeature() {
        for (String feature : new String[] {"web", "storage", "security", "household", "network", "device"}) {
            noClasses().that().resideOutsideOfPackage("org.openvto." + feature + "..").should().dependOnClassesThat()
                    .resideInAPackage("org.openvto." + feature + ".internal..").check(CLASSES);
        }
    }
}

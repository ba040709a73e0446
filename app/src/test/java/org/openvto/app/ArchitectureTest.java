package org.openvto.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of docs/ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openvto");

    @Test
    void protocolCodecsKnowOnlyTheJdk() {
        classes()
                .that()
                .resideInAPackage("org.openvto.digest..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.openvto.digest..", "java..", "javax.crypto..")
                .check(CLASSES);
    }

    @Test
    void theDomainImportsNoWebStorageOrProtocolInternals() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.openvto.device..",
                        "org.openvto.security..",
                        "org.openvto.event..",
                        "org.openvto.household..",
                        "org.openvto.network..",
                        "org.openvto.config..",
                        "org.openvto.validation..",
                        "org.openvto.call..",
                        "org.openvto.facade..",
                        "org.openvto.access..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.openvto.hardware..",
                        "com.sun.jna..",
                        "org.openvto.web..",
                        "org.openvto.storage..",
                        "org.openvto.app..",
                        "io.javalin..",
                        "org.jdbi..",
                        "java.sql..",
                        "io.netty..",
                        "org.openvto.sip..")
                .check(CLASSES);
    }

    @Test
    void theDriversSeeTheDomainsInterfacesOnly() {
        noClasses()
                .that()
                .resideInAPackage("org.openvto.hardware..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.openvto.web..",
                        "org.openvto.storage..",
                        "org.openvto.app..",
                        "org.openvto.household..",
                        "org.openvto.security..",
                        "org.openvto.sip..",
                        "org.openvto.backup..",
                        "io.javalin..",
                        "org.jdbi..",
                        "java.sql..")
                .because("a driver knows its device and reports to org.openvto.facade.io, nothing else")
                .check(CLASSES);
    }

    @Test
    void onlyTheLinuxDriversMakeSystemCalls() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.openvto.hardware.linux..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.sun.jna..")
                .check(CLASSES);
    }

    @Test
    void noProductionCodeUsesTheTestkit() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.openvto.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.openvto.testkit..")
                .because("the testkit is test scope only: the product jar must not need it")
                .check(CLASSES);
    }

    @Test
    void theConfigurationFileFormatKnowsOnlyTheDomain() {
        noClasses()
                .that()
                .resideInAPackage("org.openvto.backup..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.openvto.web..",
                        "org.openvto.storage..",
                        "org.openvto.app..",
                        "org.openvto.sip..",
                        "io.javalin..",
                        "org.jdbi..",
                        "java.sql..",
                        "io.netty..")
                .check(CLASSES);
    }

    @Test
    void theWebLayerDoesNotReachIntoStorage() {
        noClasses()
                .that()
                .resideInAPackage("org.openvto.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.openvto.storage..", "org.jdbi..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void eachConsoleAreaStandsAloneOnTheSharedWebPlumbing() {
        slices().matching("org.openvto.web.internal.(*)..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(
                        DescribedPredicate.alwaysTrue(),
                        JavaClass.Predicates.resideInAPackage("org.openvto.web.internal.view.."))
                .because("a console area is one package (page, API, view records) on the plumbing of web.internal")
                .check(CLASSES);
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnFeature() {
        for (String feature : new String[] {"web", "storage", "security", "household", "network", "device"}) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage("org.openvto." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.openvto." + feature + ".internal..")
                    .check(CLASSES);
        }
    }

    private static final String SIP = "org.openvto.sip.";

    /** Each SIP layer (RFC 3261's: codec ← transaction ← transport ← registrar/proxy ← stack ← server). */
    private static void sipLayerMustNotUse(String layer, String... above) {
        String[] packages = new String[above.length];
        for (int i = 0; i < above.length; i++) {
            packages[i] = SIP + above[i] + "..";
        }
        noClasses()
                .that()
                .resideInAPackage(SIP + layer + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages)
                .because("the SIP layers build on the ones below them only")
                .check(CLASSES);
    }

    @Test
    void sipLayersDependOnlyOnTheLayersBelow() {
        sipLayerMustNotUse("codec", "transaction", "transport", "registrar", "proxy", "ua", "stack", "server");
        sipLayerMustNotUse("transaction", "transport", "registrar", "proxy", "ua", "stack", "server");
        sipLayerMustNotUse("transport", "registrar", "proxy", "ua", "stack", "server");
        sipLayerMustNotUse("registrar", "transport", "proxy", "ua", "stack", "server");
        sipLayerMustNotUse("proxy", "ua", "stack", "server");
        // the VTO's own user agent is a transaction user beside the registrar and the proxy
        sipLayerMustNotUse("ua", "registrar", "proxy", "stack", "server");
        sipLayerMustNotUse("stack", "registrar", "proxy", "ua", "server");
    }

    @Test
    void theSipStackKnowsBytesAndMessagesOnly() {
        noClasses()
                .that()
                .resideInAnyPackage("org.openvto.sip..", "org.openvto.digest..", "org.openvto.tls..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.openvto.device..",
                        "org.openvto.security..",
                        "org.openvto.event..",
                        "org.openvto.household..",
                        "org.openvto.network..",
                        "org.openvto.call..",
                        "org.openvto.web..",
                        "org.openvto.storage..",
                        "org.openvto.app..",
                        "io.javalin..",
                        "org.jdbi..",
                        "java.sql..")
                .because("protocol modules know bytes and messages, not the application")
                .check(CLASSES);
    }

    @Test
    void onlyTheSipServerSettingsUseTheGenericConfigurationChecks() {
        noClasses()
                .that()
                .resideInAnyPackage("org.openvto.sip..", "org.openvto.digest..", "org.openvto.tls..")
                .and()
                .resideOutsideOfPackage(SIP + "server..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.openvto.config..")
                .because("SipConfig (sip.server) checks its ranges like every configuration record; the layers below"
                        + " are configured with plain values")
                .check(CLASSES);
    }

    @Test
    void theCentreDestinationsKnowTheDomainsContractAndTheJdkOnly() {
        classes()
                .that()
                .resideInAnyPackage("org.openvto.centre.webhook..", "org.openvto.centre.syslog..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.openvto.centre..", "org.openvto.config..", "java..", "javax..")
                .because("the webhook and syslog destinations implement CentreDestination with the JDK alone")
                .check(CLASSES);
    }

    @Test
    void theSipCodecUsesNoNetworkOrThreads() {
        noClasses()
                .that()
                .resideInAPackage(SIP + "codec..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.netty.channel.socket..", "io.netty.bootstrap..", "java.net.http..")
                .check(CLASSES);
    }
}

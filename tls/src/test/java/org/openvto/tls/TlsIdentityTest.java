package org.openvto.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsIdentityTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aNewIdentityNamesEveryAddressIsSelfSignedAndOnlyItsOwnerCanReadIt() throws Exception {
        var identity = new TlsIdentity(dir, "sip-tls", "sip", clock)
                .load("OpenVTO 8001", Set.of("ip:127.0.0.1", "ip:::1", "dns:localhost"));
        var cert = identity.certificate();
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=OpenVTO 8001");
        cert.verify(cert.getPublicKey()); // self-signed
        assertThat(cert.getSubjectAlternativeNames())
                .extracting(e -> e.get(1).toString())
                .contains("127.0.0.1", "localhost")
                .anyMatch(v -> v.startsWith("0:0:0:0:0:0:0:1"));
        assertThat(cert.getNotAfter().toInstant()).isAfter(clock.instant().plusSeconds(3600L * 24 * 3000));
        assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
        for (String f : List.of("sip-tls.p12", "sip-tls.pass")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(f))))
                    .isEqualTo("rw-------");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(identity.keyStore())) {
            ks.load(in, Files.readString(dir.resolve("sip-tls.pass")).toCharArray());
        }
        assertThat(ks.isKeyEntry("sip")).isTrue();
        assertThat(new String(identity.password())).hasSize(36).matches("[0-9a-f]+");
        assertThat(dir.resolve("sip-tls.p12.tmp")).doesNotExist();
    }

    @Test
    void itIsKeptWhileItCoversTheNamesAndMadeAnewWhenANameIsAdded() throws Exception {
        var first = new TlsIdentity(dir, "sip-tls", "sip", clock).load("OpenVTO 8001", Set.of("ip:127.0.0.1"));
        var again = new TlsIdentity(dir, "sip-tls", "sip", clock).load("OpenVTO 8001", Set.of("ip:127.0.0.1"));
        assertThat(again.certificate()).isEqualTo(first.certificate());
        var wider = new TlsIdentity(dir, "sip-tls", "sip", clock)
                .load("OpenVTO 8001", Set.of("ip:127.0.0.1", "ip:192.168.1.108"));
        assertThat(wider.certificate()).isNotEqualTo(first.certificate());
        assertThat(wider.certificate().getSubjectAlternativeNames())
                .extracting(e -> e.get(1).toString())
                .contains("192.168.1.108");
    }

    @Test
    void anUnreadableStoreIsReplacedNotFatal() throws Exception {
        Files.writeString(dir.resolve("sip-tls.p12"), "not a key store");
        Files.writeString(dir.resolve("sip-tls.pass"), "x");
        var identity = new TlsIdentity(dir, "sip-tls", "sip", clock).load("OpenVTO 8001", Set.of("ip:127.0.0.1"));
        assertThat(identity.certificate()).isNotNull();
    }

    @Test
    void namesLeaveOutWildcardsAndAddLocalhost() {
        assertThat(TlsIdentity.names(List.of("0.0.0.0", "::", "10.0.0.5", " ")))
                .contains("ip:10.0.0.5", "dns:localhost")
                .doesNotContain("ip:0.0.0.0", "ip:::");
    }
}

package org.openvto.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import org.openvto.testkit.Deadline;

/**
 * The VTO's self-signed SIP-over-TLS certificate as a PEM file, for pinning it in a test client. It reads
 * {@code sip-tls.p12} with the password in {@code sip-tls.pass} from the VTO's data directory (see
 * {@code org.openvto.tls.TlsIdentity}); both exist once the SIP server has started. Fails with an exception when they do not
 * exist yet or the store holds no certificate under the alias {@code sip}.
 */
final class VtoCertificate {
    private VtoCertificate() {}

    /** Writes the certificate to {@code pem} (overwriting it) and returns {@code pem}. */
    static Path writePem(Path dataDir, Path pem) throws Exception {
        char[] password =
                Files.readString(dataDir.resolve("sip-tls.pass")).strip().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(dataDir.resolve("sip-tls.p12"))) {
            store.load(in, password);
        }
        Certificate cert = store.getCertificate("sip");
        if (cert == null) {
            throw new IllegalStateException("no certificate 'sip' in " + dataDir.resolve("sip-tls.p12"));
        }
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(cert.getEncoded());
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
        return pem;
    }

    /** Waits (up to 30 s) until the VTO made its certificate, then writes it as PEM like {@link #writePem}. */
    static Path awaitPem(Path dataDir, Path pem) throws Exception {
        Deadline deadline = Deadline.in(java.time.Duration.ofSeconds(30));
        while (!Files.exists(dataDir.resolve("sip-tls.p12")) || !Files.exists(dataDir.resolve("sip-tls.pass"))) {
            deadline.check("the VTO made no sip-tls.p12 in " + dataDir);
            Thread.sleep(50);
        }
        return writePem(dataDir, pem);
    }
}

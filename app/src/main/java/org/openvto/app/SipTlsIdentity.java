package org.openvto.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openvto.sip.transport.SipTransportConfig;

/**
 * The SIP-over-TLS identity of this VTO: a self-signed P-256 certificate in {@code <data-dir>/sip-tls.p12},
 * made once with the JDK's {@code keytool} (no extra library) and kept; its random store password sits
 * next to it in {@code sip-tls.pass}. Both files are readable only by the VTO's user.
 */
final class SipTlsIdentity {
    private SipTlsIdentity() {
    }

    static SipTransportConfig.Tls load(Path dataDir, int port, String commonName) throws IOException, InterruptedException {
        Path store = dataDir.resolve("sip-tls.p12");
        Path pass = dataDir.resolve("sip-tls.pass");
        if (!Files.exists(store) || !Files.exists(pass)) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            Path tmp = dataDir.resolve("sip-tls.p12.tmp");
            Files.deleteIfExists(tmp);
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "sip", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + commonName + ", O=OpenVTO", "-validity", "3650", "-storetype", "PKCS12",
                    "-keystore", tmp.toString(), "-storepass", password, "-keypass", password)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool could not create the SIP TLS certificate: " + out.strip());
            }
            Files.writeString(pass, password);
            Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return new SipTransportConfig.Tls(port, store, Files.readString(pass).strip().toCharArray());
    }
}

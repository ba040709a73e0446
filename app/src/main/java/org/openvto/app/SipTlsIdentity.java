package org.openvto.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openvto.sip.transport.SipTransportConfig;

/**
 * The SIP-over-TLS identity of this VTO: a self-signed P-256 certificate in {@code <data-dir>/sip-tls.p12},
 * made with the JDK's {@code keytool} (no extra library) and kept; its random store password sits next to it
 * in {@code sip-tls.pass}. Both files are readable only by the VTO's user.
 *
 * <p>The certificate names the VTO in its subjectAltName: every address it serves SIP on (the bind address and
 * the TCP/IP page's address) and the host name, because phones that verify (linphone) match the name they
 * dialled against the SAN and ignore the CN. A certificate made before, or one that lacks a name now
 * configured, is made anew at start (phones that pinned the old one must pin the new one: it is logged).
 * To use a certificate of your own, replace {@code sip-tls.p12} (PKCS#12, alias {@code sip}) and put its
 * password in {@code sip-tls.pass}; it is kept as long as its SAN covers the configured addresses.
 */
final class SipTlsIdentity {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SipTlsIdentity.class);

    private SipTlsIdentity() {
    }

    static SipTransportConfig.Tls load(Path dataDir, int port, String commonName, List<String> addresses)
            throws IOException, InterruptedException {
        Path store = dataDir.resolve("sip-tls.p12");
        Path pass = dataDir.resolve("sip-tls.pass");
        Set<String> names = names(addresses);
        if (!Files.exists(store) || !Files.exists(pass) || !covers(store, pass, names)) {
            if (Files.exists(store)) {
                LOG.warn("SIP TLS certificate {} does not name {}: a new one is made (re-pin it on phones that verify)",
                        store, names);
            }
            make(dataDir, store, pass, commonName, names);
        }
        return new SipTransportConfig.Tls(port, store, Files.readString(pass).strip().toCharArray());
    }

    /** The addresses (wildcards left out) and this computer's host name, as SAN entries {@code ip:…}/{@code dns:…}. */
    static Set<String> names(List<String> addresses) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : addresses) {
            if (a != null && !a.isBlank() && !a.equals("0.0.0.0") && !a.equals("::")) {
                out.add("ip:" + a.strip());
            }
        }
        try {
            String host = InetAddress.getLocalHost().getHostName();
            if (!host.isBlank() && !host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':')) {
                out.add("dns:" + host);
            }
        } catch (IOException unknown) {
            // no host name: the addresses must do
        }
        out.add("dns:localhost");
        return out;
    }

    private static boolean covers(Path store, Path pass, Set<String> names) {
        try (var in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, Files.readString(pass).strip().toCharArray());
            X509Certificate cert = (X509Certificate) ks.getCertificate("sip");
            Collection<List<?>> san = cert == null ? null : cert.getSubjectAlternativeNames();
            if (san == null) {
                return false;
            }
            Set<String> have = new LinkedHashSet<>();
            for (List<?> entry : san) {
                int type = (Integer) entry.get(0);
                String value = String.valueOf(entry.get(1));
                if (type == 7) {
                    have.add("ip:" + InetAddress.getByName(value).getHostAddress());
                } else if (type == 2) {
                    have.add("dns:" + value);
                }
            }
            for (String n : names) {
                String want = n.startsWith("ip:") ? "ip:" + InetAddress.getByName(n.substring(3)).getHostAddress() : n;
                if (!have.contains(want)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn("SIP TLS key store {} unreadable ({}): a new one is made", store, e.getMessage());
            return false;
        }
    }

    private static void make(Path dataDir, Path store, Path pass, String commonName, Set<String> names)
            throws IOException, InterruptedException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path tmp = dataDir.resolve("sip-tls.p12.tmp");
        Files.deleteIfExists(tmp);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "sip", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + commonName + ", O=OpenVTO", "-validity", "3650", "-storetype", "PKCS12",
                "-ext", "SAN=" + String.join(",", names),
                "-keystore", tmp.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool could not create the SIP TLS certificate: " + out.strip());
        }
        Path passTmp = dataDir.resolve("sip-tls.pass.tmp");
        Files.writeString(passTmp, password);
        Files.setPosixFilePermissions(passTmp, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.move(tmp, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(passTmp, pass, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

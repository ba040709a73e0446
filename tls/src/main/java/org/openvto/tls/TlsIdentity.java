package org.openvto.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TLS server identity of this VTO kept in its data directory: a PKCS#12 store {@code <name>.p12} (alias
 * {@code <alias>}) with a self-signed P-256 certificate, and its random store password in {@code <name>.pass}.
 * Both files are readable by the VTO's user only. SIP over TLS uses one today; HTTPS and RTSPS will use
 * their own.
 *
 * <p>The certificate is made in-process (BouncyCastle): no {@code keytool} subprocess, so the store password is
 * never on a command line where other users could read it ({@code ps}). It names the VTO in its
 * subjectAltName — every address it serves on and the host name — because clients that verify (linphone)
 * match the name they dialled against the SAN and ignore the CN. A store made before, or one that lacks a name
 * configured now, is made anew ({@link #load} logs it: clients that pinned the old certificate must pin the
 * new one). An installer's own certificate is kept as long as its SAN covers the configured names. Writing is
 * crash-safe: both files are written to temporary names and moved into place.
 */
public final class TlsIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(TlsIdentity.class);
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final Path store;
    private final Path passwordFile;
    private final String alias;
    private final Clock clock;

    /** The identity {@code <dataDir>/<name>.p12} with its password in {@code <dataDir>/<name>.pass}. */
    public TlsIdentity(Path dataDir, String name, String alias, Clock clock) {
        this.store = dataDir.resolve(name + ".p12");
        this.passwordFile = dataDir.resolve(name + ".pass");
        this.alias = alias;
        this.clock = clock;
    }

    /** A loaded identity: the store, its password and the certificate in it. */
    public record Loaded(Path keyStore, char[] password, X509Certificate certificate) {}

    /**
     * The identity, made first when missing, unreadable or not naming every one of {@code names} (entries
     * {@code ip:<address>} and {@code dns:<host>}, see {@link #names}).
     */
    public Loaded load(String commonName, Set<String> names) throws IOException {
        if (Files.exists(store) && Files.exists(passwordFile)) {
            Loaded existing = read();
            if (existing != null && covers(existing.certificate(), names)) {
                return existing;
            }
            LOG.warn(
                    "TLS certificate {} does not name {}: a new one is made (re-pin it on clients that verify)",
                    store,
                    names);
        }
        make(commonName, names);
        Loaded made = read();
        if (made == null) {
            throw new IOException("the TLS key store just made is unreadable: " + store);
        }
        return made;
    }

    /** The addresses (wildcards left out) and this computer's host name and {@code localhost}, as SAN entries. */
    public static Set<String> names(List<String> addresses) {
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

    private Loaded read() {
        try (var in = Files.newInputStream(store)) {
            char[] password = Files.readString(passwordFile).strip().toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            Certificate cert = ks.getCertificate(alias);
            if (!(cert instanceof X509Certificate x509) || !ks.isKeyEntry(alias)) {
                LOG.warn("TLS key store {} has no key entry '{}': a new one is made", store, alias);
                return null;
            }
            return new Loaded(store, password, x509);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn("TLS key store {} unreadable ({}): a new one is made", store, e.getMessage());
            return null;
        }
    }

    private static boolean covers(X509Certificate cert, Set<String> names) {
        try {
            Collection<List<?>> san = cert.getSubjectAlternativeNames();
            if (san == null) {
                return false;
            }
            Set<String> have = new LinkedHashSet<>();
            for (List<?> entry : san) {
                int type = (Integer) entry.get(0);
                String value = String.valueOf(entry.get(1));
                if (type == GeneralName.iPAddress) {
                    have.add("ip:" + InetAddress.getByName(value).getHostAddress());
                } else if (type == GeneralName.dNSName) {
                    have.add("dns:" + value);
                }
            }
            for (String n : names) {
                if (!have.contains(normalise(n))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | GeneralSecurityException e) {
            return false;
        }
    }

    private static String normalise(String name) throws IOException {
        return name.startsWith("ip:")
                ? "ip:" + InetAddress.getByName(name.substring(3)).getHostAddress()
                : name;
    }

    private void make(String commonName, Set<String> names) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        char[] password = HexFormat.of().formatHex(secret).toCharArray();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();
            X509Certificate cert = selfSigned(keys, commonName, names, random);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, keys.getPrivate(), password, new Certificate[] {cert});
            Path storeTmp = store.resolveSibling(store.getFileName() + ".tmp");
            Path passTmp = passwordFile.resolveSibling(passwordFile.getFileName() + ".tmp");
            writePrivate(
                    passTmp,
                    out -> out.write(new String(password).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            writePrivate(storeTmp, out -> {
                try {
                    ks.store(out, password);
                } catch (GeneralSecurityException e) {
                    throw new IOException(e);
                }
            });
            Files.move(storeTmp, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(passTmp, passwordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("could not create the TLS certificate: " + e.getMessage(), e);
        }
    }

    private X509Certificate selfSigned(KeyPair keys, String commonName, Set<String> names, SecureRandom random)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, "OpenVTO")
                .build();
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(64, random).abs(),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)),
                subject,
                keys.getPublic());
        List<GeneralName> san = new ArrayList<>();
        for (String n : names) {
            san.add(
                    n.startsWith("ip:")
                            ? new GeneralName(GeneralName.iPAddress, n.substring(3))
                            : new GeneralName(GeneralName.dNSName, n.substring(n.indexOf(':') + 1)));
        }
        builder.addExtension(
                Extension.subjectAlternativeName, false, new GeneralNames(san.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
            KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
        }));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Creates {@code file} readable by its owner only (before any secret is in it), then writes it and syncs. */
    private static void writePrivate(Path file, Writer writer) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE);
                OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            writer.write(out);
            out.flush();
            channel.force(true);
        }
    }
}

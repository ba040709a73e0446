/**
 * The VTO's TLS server identities: {@link org.openvto.tls.TlsIdentity} keeps a self-signed P-256 certificate that
 * names every address the service is reached at (subjectAltName) in a PKCS#12 store in the data directory, made
 * in-process with BouncyCastle (no keytool, no password on a command line) and made anew when an address is
 * added. SIP over TLS uses it; HTTPS and RTSPS will. Depends on the JDK, BouncyCastle and SLF4J only.
 */
package org.openvto.tls;

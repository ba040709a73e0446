/**
 * Implementation detail of {@code org.openvto.security}:
 * {@link org.openvto.security.internal.Argon2idPasswordHasher}, the
 * {@link org.openvto.security.PasswordHasher} that stores passwords as Argon2id PHC strings with OWASP's
 * minimum parameters, through Spring Security's encoder on BouncyCastle. Other code reaches it only through
 * {@link org.openvto.security.PasswordHasher#argon2id()}: no class outside {@code org.openvto.security} may
 * depend on this package (checked by {@code ArchitectureTest}), and like the rest of the domain it must not
 * import web, storage, JDBC, Netty or Javalin.
 */
package org.openvto.security.internal;

/**
 * Accounts and their protection (Quick Start Guide 4.2.1 and Appendix 1): Device Init, which creates the
 * {@code admin} account exactly once with no default password ({@link org.openvto.security.AccountService});
 * the strong-password rules ({@link org.openvto.security.PasswordPolicy},
 * {@link org.openvto.security.PasswordRule}); password login and HTTP Digest checks with the account and
 * source-IP lock ({@link org.openvto.security.AuthService}, {@link org.openvto.security.SecurityConfig},
 * {@link org.openvto.security.LoginLockStore}); sealing of digest secrets with the device key
 * ({@link org.openvto.security.SecretCipher}); and the security audit trail, every
 * {@link org.openvto.security.SecurityEvent} persisted by {@link org.openvto.security.SecurityLog}. The store
 * and hasher interfaces are implemented elsewhere (storage, {@code .internal}). Domain layer: it may use the
 * {@code digest} library but must not import web, storage, the app module, JDBC, Jdbi, Netty or Javalin
 * (checked by {@code ArchitectureTest}).
 */
package org.openvto.security;

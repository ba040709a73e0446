/**
 * Jdbi implementations of the store interfaces, one per table group: settings ({@code setting}), accounts
 * ({@code account}), login locks ({@code login_lock}, counting serialised per key so concurrent failures are
 * not lost), the append-only {@code security_log}, the VTO and room lists ({@code vto}, {@code room}, with
 * passwords sealed by the device key) and SIP registrations ({@code sip_binding}). Only
 * {@link org.openvto.storage.Database} creates them: no class outside {@code org.openvto.storage} may depend
 * on this package (checked by {@code ArchitectureTest}), and it must not depend on the web module.
 */
package org.openvto.storage.internal;

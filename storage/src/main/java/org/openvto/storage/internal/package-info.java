/**
 * Jdbi implementations of the store interfaces, one per table group: settings ({@code setting}), accounts
 * ({@code account}), login locks ({@code login_lock}, counting serialised per key so concurrent failures are
 * not lost), the append-only {@code security_log}, the VTO and room lists ({@code vto}, {@code room}, with
 * passwords sealed by the device key), SIP registrations ({@code sip_binding}), the people with their
 * credentials ({@code person}, {@code credential}: one row per card, PIN or fingerprint, unique by its keyed
 * digest; cards and templates sealed), the record tables ({@code unlock_record}, {@code call_record},
 * {@code alarm}: one {@link org.openvto.storage.internal.JdbcRecordStore} each, searched newest first through
 * {@code (filter column, at, id)} indexes) and the centre's {@code outbox}. Only
 * {@link org.openvto.storage.Database} creates them: no class outside {@code org.openvto.storage} may depend
 * on this package (checked by {@code ArchitectureTest}), and it must not depend on the web module.
 */
package org.openvto.storage.internal;

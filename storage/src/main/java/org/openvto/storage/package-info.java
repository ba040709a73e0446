/**
 * The storage module's public face: {@link org.openvto.storage.Database} opens the embedded SQLite file (WAL,
 * {@code synchronous=FULL}, immediate write transactions) or a PostgreSQL server from one JDBC URL
 * ({@link org.openvto.storage.StorageConfig}), applies the Flyway migrations in {@code db/migration/common}
 * and hands out the JDBC implementations of the domain's store interfaces (settings, accounts, login locks,
 * security log, household) and of the SIP registrar's {@code BindingStore}. Infrastructure layer: it depends
 * on the domain and SIP interfaces, never the other way round, and must not depend on the web module.
 */
package org.openvto.storage;

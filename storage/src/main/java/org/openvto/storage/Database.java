package org.openvto.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.openvto.access.PeopleStore;
import org.openvto.alarm.AlarmStore;
import org.openvto.centre.OutboxStore;
import org.openvto.device.SettingsStore;
import org.openvto.household.HouseholdStore;
import org.openvto.records.CallRecord;
import org.openvto.records.CallSnapshots;
import org.openvto.records.RecordStore;
import org.openvto.records.UnlockRecord;
import org.openvto.security.AccountStore;
import org.openvto.security.LoginLockStore;
import org.openvto.security.SecretCipher;
import org.openvto.security.SecurityLogStore;
import org.openvto.sip.registrar.BindingStore;
import org.openvto.storage.internal.JdbcAccountStore;
import org.openvto.storage.internal.JdbcAlarmStore;
import org.openvto.storage.internal.JdbcBindingStore;
import org.openvto.storage.internal.JdbcCallSnapshots;
import org.openvto.storage.internal.JdbcHouseholdStore;
import org.openvto.storage.internal.JdbcLoginLockStore;
import org.openvto.storage.internal.JdbcOutboxStore;
import org.openvto.storage.internal.JdbcPeopleStore;
import org.openvto.storage.internal.JdbcRecordStore;
import org.openvto.storage.internal.JdbcSecurityLogStore;
import org.openvto.storage.internal.JdbcSettingsStore;
import org.openvto.storage.internal.SettingRows;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The VTO's database: an embedded SQLite file by default, or PostgreSQL for a multi-building
 * installation. Opening it applies the versioned Flyway migrations ({@code db/migration/common}, one
 * SQL file per version for both vendors, with placeholders where their DDL differs).
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL} and immediate write transactions, so a
 * committed write survives {@code kill -9} and power loss, and concurrent writers queue (up to the
 * busy timeout) instead of failing; it reads through a memory map ({@code mmap_size} 256 MiB). Thread-safe;
 * close it last.
 */
public final class Database implements AutoCloseable {
    /** The supported database products. */
    public enum Vendor {
        SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "BLOB"),
        POSTGRESQL("BIGSERIAL PRIMARY KEY", "BYTEA");

        /** Column definition of a generated 64-bit primary key: a DDL difference the migrations need. */
        private final String identityPrimaryKey;
        /** Column type of binary data (a snapshot's JPEG). */
        private final String blob;

        Vendor(String identityPrimaryKey, String blob) {
            this.identityPrimaryKey = identityPrimaryKey;
            this.blob = blob;
        }
    }

    private final HikariDataSource dataSource;
    private final Vendor vendor;
    private final String description;
    private final String schemaVersion;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, Vendor vendor, String description) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.description = description;
        var result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .placeholders(java.util.Map.of("identity_pk", vendor.identityPrimaryKey, "blob", vendor.blob))
                .load()
                .migrate();
        this.schemaVersion = result.targetSchemaVersion != null
                ? result.targetSchemaVersion
                : String.valueOf(result.initialSchemaVersion);
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens (creating and migrating if needed) the database {@code config} names, relative to {@code dataDir}. */
    public static Database open(StorageConfig config, Path dataDir) {
        String url = config.url().isEmpty()
                ? "jdbc:sqlite:" + dataDir.resolve("openvto.db").toAbsolutePath()
                : config.url();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("openvto-db");
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        Vendor vendor;
        if (url.startsWith("jdbc:sqlite:")) {
            vendor = Vendor.SQLITE;
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            sqlite.setBusyTimeout(10_000);
            sqlite.enforceForeignKeys(true);
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            // reads through a memory map of up to 256 MiB instead of SQLite's 2 MiB page cache per connection: a
            // count over a year of records (1,000,000 rows) fell from 15 ms to 0.4 ms (docs/PERFORMANCE.md); the
            // pages are the kernel's file cache, shared by the pool's connections and given back under memory
            // pressure. Writes still go through write(2) and fsync, so durability is unchanged.
            sqlite.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(256L << 20));
            SQLiteDataSource ds = new SQLiteDataSource(sqlite);
            ds.setUrl(url);
            hikari.setDataSource(ds);
        } else {
            vendor = Vendor.POSTGRESQL;
            hikari.setJdbcUrl(url);
            hikari.setUsername(config.username());
            hikari.setPassword(config.password());
        }
        HikariDataSource ds = new HikariDataSource(hikari);
        try {
            return new Database(ds, vendor, url.replaceAll("password=[^&]*", "password=***"));
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    public Vendor vendor() {
        return vendor;
    }

    /** JDBC URL without credentials, for the start-up log. */
    public String description() {
        return description;
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    /** The device's key/value settings; secret ones are sealed with {@code cipher} (the device key). */
    public SettingsStore settings(SecretCipher cipher) {
        return new JdbcSettingsStore(jdbi, new SettingRows(cipher));
    }

    public AccountStore accounts() {
        return new JdbcAccountStore(jdbi);
    }

    public LoginLockStore loginLocks() {
        return new JdbcLoginLockStore(jdbi, vendor == Vendor.POSTGRESQL);
    }

    public SecurityLogStore securityLog() {
        return new JdbcSecurityLogStore(jdbi);
    }

    /** The VTO and room lists; passwords are sealed with {@code cipher} (the device key). */
    public HouseholdStore household(SecretCipher cipher) {
        return new JdbcHouseholdStore(jdbi, new SettingRows(cipher));
    }

    /** Registrations of the building SIP server, persisted across restarts. */
    public BindingStore sipBindings() {
        return new JdbcBindingStore(jdbi);
    }

    /** The people and their credentials; card numbers and templates are sealed with {@code cipher} (the device key). */
    public PeopleStore people(SecretCipher cipher) {
        return new JdbcPeopleStore(jdbi, new SettingRows(cipher), vendor == Vendor.POSTGRESQL);
    }

    public RecordStore<UnlockRecord> unlockRecords() {
        return JdbcRecordStore.unlocks(jdbi, vendor == Vendor.SQLITE);
    }

    public RecordStore<CallRecord> callRecords() {
        return JdbcRecordStore.calls(jdbi, vendor == Vendor.SQLITE);
    }

    /** The JPEG of each call record that has one, deleted with its record. */
    public CallSnapshots callSnapshots() {
        return new JdbcCallSnapshots(jdbi);
    }

    /** The alarm records; raising one also writes its messages to the {@link #outbox()}, in one transaction. */
    public AlarmStore alarms() {
        return new JdbcAlarmStore(jdbi, vendor == Vendor.SQLITE);
    }

    /** The management centre's persistent outbox. */
    public OutboxStore outbox() {
        return new JdbcOutboxStore(jdbi);
    }

    /** True when a trivial query succeeds (used by {@code /healthz}). */
    public boolean healthy() {
        try {
            return jdbi.withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one())
                    == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

package org.openvto.storage.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.openvto.security.Account;
import org.openvto.security.AccountGroup;
import org.openvto.security.AccountStore;

/** {@link AccountStore} on the {@code account} table. */
public final class JdbcAccountStore implements AccountStore {
    private final Jdbi jdbi;

    public JdbcAccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Account> find(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM account WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new Account(
                        rs.getString("username"),
                        AccountGroup.valueOf(rs.getString("user_group").toUpperCase(Locale.ROOT)),
                        rs.getString("password_hash"),
                        rs.getString("digest_secrets"),
                        rs.getString("email"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("password_changed_at"))))
                .findOne());
    }

    @Override
    public boolean insert(Account a) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO account (username, user_group, password_hash, digest_secrets, email, created_at, password_changed_at)
                VALUES (:u, :g, :h, :s, :e, :c, :p) ON CONFLICT (username) DO NOTHING""")
                        .bind("u", a.username())
                        .bind("g", a.group().name().toLowerCase(Locale.ROOT))
                        .bind("h", a.passwordHash())
                        .bind("s", a.digestSecrets())
                        .bind("e", a.email())
                        .bind("c", a.createdAt().toEpochMilli())
                        .bind("p", a.passwordChangedAt().toEpochMilli())
                        .execute())
                == 1;
    }

    @Override
    public boolean updatePassword(String username, String passwordHash, String digestSecrets, Instant changedAt) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE account SET password_hash = :h, digest_secrets = :s, password_changed_at = :p WHERE username = :u""")
                        .bind("u", username)
                        .bind("h", passwordHash)
                        .bind("s", digestSecrets)
                        .bind("p", changedAt.toEpochMilli())
                        .execute())
                == 1;
    }

    @Override
    public boolean anyAdministrator() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM account WHERE user_group = 'admin'")
                        .mapTo(Integer.class)
                        .one())
                > 0;
    }
}

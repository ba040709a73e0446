package org.openvto.storage;

import org.openvto.config.ConfigChecks;
import org.openvto.config.ConfigException;

/**
 * Where the VTO keeps its data.
 *
 * @param url      JDBC URL ({@code storage.url}); empty means the embedded SQLite file
 *                 {@code <data-dir>/openvto.db}; {@code jdbc:postgresql://…} for a shared server
 * @param username database user for PostgreSQL ({@code storage.username})
 * @param password database password for PostgreSQL ({@code storage.password})
 * @param poolSize connections kept open ({@code storage.pool-size})
 */
public record StorageConfig(String url, String username, String password, int poolSize) {
    public StorageConfig {
        url = url == null ? "" : url.strip();
        if (!url.isEmpty() && !url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(
                    "storage.url", "must be empty, jdbc:sqlite:… or jdbc:postgresql:… (was " + url + ")");
        }
        ConfigChecks.inRange("storage.pool-size", poolSize, 1, 64);
    }
}

package org.openvto.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.access.Card;
import org.openvto.access.CredentialDigests;
import org.openvto.access.PeopleStore;
import org.openvto.access.WeeklySchedule;
import org.openvto.device.DeviceService;
import org.openvto.security.SecretCipher;

class SqliteDatabaseTest extends DatabaseContract {
    @TempDir
    Path dir;

    @Override
    protected Database openFresh() {
        return Database.open(new StorageConfig("", null, null, 4), dir);
    }

    @Override
    protected Connection raw() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve("openvto.db").toAbsolutePath());
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateAgain() {
        SecretCipher cipher = new SecretCipher(new byte[32]);
        db.settings(cipher).putAll(Map.of(DeviceService.VTO_NUMBER, "8002"));
        db.close();
        db = openFresh();
        assertThat(db.settings(cipher).get(DeviceService.VTO_NUMBER)).contains("8002");
        assertThat(db.schemaVersion()).isEqualTo("6");
        assertThat(dir.resolve("openvto.db")).exists();
    }

    @Test
    void theDatabaseFilesHoldNoCardNumberOrTemplateInTheClear() throws Exception {
        SecretCipher cipher = new SecretCipher(new byte[32]);
        CredentialDigests digests = new CredentialDigests(new byte[32]);
        var people = db.people(cipher);
        String number = "27182818284590452353";
        long id = people.insert(new PeopleStore.PersonRow(
                0,
                "101",
                "Anna",
                WeeklySchedule.ALWAYS,
                PeopleStore.PinUpdate.KEEP,
                PeopleStore.PinUpdate.KEEP,
                List.of(new PeopleStore.CardRow(
                        new Card(number, Card.Kind.NORMAL, Optional.empty(), Optional.empty(), Card.Status.NORMAL),
                        digests.card(number)))));
        people.addFingerprint(id, "thumb", "FINGER-TEMPLATE-minutiae", digests.fingerprint("x"), Instant.EPOCH);
        assertThat(people.byCard(digests.card(number))).isPresent();
        db.close();
        for (String file : List.of("openvto.db", "openvto.db-wal")) {
            Path f = dir.resolve(file);
            if (Files.exists(f)) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file).doesNotContain(number).doesNotContain("FINGER-TEMPLATE");
                assertThat(bytes).as(file + " is really read").contains("CREATE TABLE credential");
            }
        }
        db = openFresh();
    }
}

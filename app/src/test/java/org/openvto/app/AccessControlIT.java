package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.testkit.Await;

/**
 * Issue 11's access acceptance through the virtual façade's API on a running VTO: a valid card opens lock 1 for
 * the Unlock Period (the relay state sampled); lost, expired and out-of-schedule cards are refused with their
 * reasons; an enrolled finger opens, an unknown one does not; {@code #PIN#} opens; the duress PIN opens and raises
 * the duress alarm; a second unlock inside the Unlock Responding Interval is refused; the 5th wrong PIN locks the
 * keypad; a remote unlock goes through the same decision.
 */
class AccessControlIT {
    @TempDir
    Path dir;

    private int seen;

    /** Waits for the next unlock record and returns it (the decision runs on its own thread). */
    private JsonNode next(AccessVto v) throws Exception {
        int want = ++seen;
        Await.until("unlock record " + want, Duration.ofSeconds(10), () -> v.unlockCount() >= want);
        return v.unlocks().get(0);
    }

    private void card(AccessVto v, String number) throws Exception {
        v.ok("POST", "/api/v1/facade/card", "{'number':'" + number + "'}");
    }

    @Test
    void everyMethodGoesThroughOneDecisionAndEveryAttemptIsRecorded() throws Exception {
        try (AccessVto v = AccessVto.start(dir.resolve("data"), "AccessControlIT", Map.of())) {
            v.ok("PUT", "/api/v1/access-control", "{'unlockRespondingInterval':3,'unlockPeriod':2}");
            String today = LocalDate.now(ZoneId.systemDefault()).toString();
            JsonNode anna = v.ok(
                    "POST",
                    "/api/v1/people",
                    "{'room':'101','name':'Anna Muster','pin':'2580',"
                            + "'duressPin':'9999','cards':[{'number':'1001'}]}");
            v.ok("POST", "/api/v1/people", "{'room':'102','name':'Bob','cards':[{'number':'1002','status':'lost'}]}");
            v.ok(
                    "POST",
                    "/api/v1/people",
                    "{'room':'102','name':'Carl','cards':[{'number':'1003',"
                            + "'validFrom':'2024-01-01','validTo':'2025-01-01'}]}");
            v.ok(
                    "POST",
                    "/api/v1/people",
                    "{'room':'102','name':'Dora','schedule':'mon-sun 00:00-24:00; holidays " + today
                            + "','cards':[{'number':'1004'}]}");

            // a valid card: lock 1 energized for the Unlock Period, lock 2 not
            card(v, "1001");
            JsonNode granted = next(v);
            assertThat(granted.path("result").asText()).isEqualTo("granted");
            assertThat(granted.path("person").asText()).isEqualTo("Anna Muster");
            assertThat(granted.path("credential").asText()).isEqualTo("…1001");
            JsonNode locks = v.facade().path("locks");
            assertThat(locks.get(0).path("energized").asBoolean())
                    .as("lock 1 sampled right after")
                    .isTrue();
            assertThat(locks.get(1).path("energized").asBoolean()).isFalse();
            Instant until = Instant.parse(locks.get(0).path("until").asText());
            Instant at = Instant.parse(granted.path("at").asText());
            assertThat(Duration.between(at, until).toMillis()).isBetween(1900L, 2100L);
            assertThat(v.facade().path("indicators").toString()).contains("unlock");

            // inside the Unlock Responding Interval
            card(v, "1001");
            assertThat(next(v).path("reason").asText()).isEqualTo("unlock-interval");
            Await.until("lock 1 released after the Unlock Period", Duration.ofSeconds(5), () -> {
                try {
                    return !v.facade().path("locks").get(0).path("energized").asBoolean();
                } catch (Exception e) {
                    return false;
                }
            });

            card(v, "1002");
            assertThat(next(v).path("reason").asText()).isEqualTo("card-lost");
            card(v, "1003");
            assertThat(next(v).path("reason").asText()).isEqualTo("expired");
            card(v, "1004");
            assertThat(next(v).path("reason").asText()).isEqualTo("outside-schedule");
            card(v, "5555");
            assertThat(next(v).path("reason").asText()).isEqualTo("unknown-card");
            assertThat(v.facade().path("lastSound").asText()).isEqualTo("error");
            assertThat(v.facade().path("locks").get(0).path("energized").asBoolean())
                    .isFalse();

            // fingerprints: enrolled from the module (the next finger), then it opens; an unknown one does not
            long id = anna.path("id").asLong();
            assertThat(v.send("POST", "/api/v1/people/" + id + "/fingerprints", "{'label':'right index'}")
                            .statusCode())
                    .isEqualTo(202);
            v.ok("POST", "/api/v1/facade/finger", "{'template':'anna-right-index'}");
            Await.until("the finger enrolled", Duration.ofSeconds(5), () -> {
                try {
                    return v.get("/api/v1/people/" + id).path("fingerprints").size() == 1;
                } catch (Exception e) {
                    return false;
                }
            });
            waitInterval();
            v.ok("POST", "/api/v1/facade/finger", "{'template':'anna-right-index'}");
            JsonNode finger = next(v);
            assertThat(finger.path("method").asText()).isEqualTo("fingerprint");
            assertThat(finger.path("result").asText()).isEqualTo("granted");
            v.ok("POST", "/api/v1/facade/finger", "{'template':'somebody-else'}");
            assertThat(next(v).path("reason").asText()).isEqualTo("unknown-fingerprint");

            // # PIN # opens; the duress PIN opens just the same and raises the duress alarm
            waitInterval();
            v.type("#2580#");
            assertThat(next(v).path("result").asText()).isEqualTo("granted");
            waitInterval();
            v.type("#9999#");
            JsonNode duress = next(v);
            assertThat(duress.path("result").asText()).isEqualTo("granted");
            assertThat(duress.path("duress").asBoolean()).isTrue();
            assertThat(v.facade().path("lastSound").asText())
                    .as("nothing different at the door")
                    .isEqualTo("unlock");
            Await.until("the duress alarm", Duration.ofSeconds(5), () -> {
                try {
                    return v.get("/api/v1/alarms").path("alarms").toString().contains("\"type\":\"duress\"");
                } catch (Exception e) {
                    return false;
                }
            });

            // the remote unlock is the same decision (and the same interval)
            var remote = v.send("POST", "/api/v1/doors/1/open", null);
            assertThat(remote.statusCode()).as(remote.body()).isEqualTo(409);
            assertThat(remote.body()).contains("unlock-interval");
            seen++;
            waitInterval();
            assertThat(v.send("POST", "/api/v1/doors/1/open", null).statusCode())
                    .isEqualTo(200);
            seen++;

            // the 5th wrong PIN locks the keypad and says so; then even the right PIN is refused
            for (int i = 0; i < 5; i++) {
                v.type("#0000#");
                assertThat(next(v).path("reason").asText()).isEqualTo("wrong-password");
            }
            assertThat(v.facade().path("display").toString()).contains("Keypad locked");
            v.type("#2580#");
            assertThat(next(v).path("reason").asText()).isEqualTo("keypad-locked");
            assertThat(v.get("/api/v1/alarms").path("alarms").toString()).contains("keypad-locked");
        }
    }

    @Test
    void invalidAccessControlValuesAreRefusedWithTheRuleAndChangeNothing() throws Exception {
        try (AccessVto v = AccessVto.start(dir.resolve("data2"), "AccessControlIT-rules", Map.of())) {
            JsonNode before = v.get("/api/v1/access-control");
            var types = v.send(
                    "PUT",
                    "/api/v1/access-control",
                    "{'doorSensorCheck':'long'," + "'locks':{'card':'lock-9'},'doorContact':'maybe'}");
            assertThat(types.statusCode()).isEqualTo(400);
            assertThat(types.body())
                    .contains("\"field\":\"doorSensorCheck\"", "must be a whole number")
                    .contains("\"field\":\"locks.card\"", "\"field\":\"doorContact\"");
            var rules = v.send(
                    "PUT",
                    "/api/v1/access-control",
                    "{'unlockPeriod':0,'firstUnlockCommand':'12ab'," + "'keypadLockAfter':2,'recordDays':0}");
            assertThat(rules.statusCode()).isEqualTo(400);
            assertThat(rules.body())
                    .contains("\"field\":\"unlockPeriod\"", "must be between 1 and 20 whole seconds")
                    .contains("\"field\":\"firstUnlockCommand\"", "\"field\":\"keypadLockAfter\"")
                    .contains("\"field\":\"recordDays\"");
            assertThat(v.get("/api/v1/access-control")).isEqualTo(before);
            var pub = v.send("PUT", "/api/v1/access-control/public-password", "{'password':'123456'}");
            assertThat(pub.statusCode()).isEqualTo(400);
            assertThat(pub.body()).contains("must not be one digit repeated or a run");
            v.ok("PUT", "/api/v1/access-control/public-password", "{'password':'480351'}");
            assertThat(v.get("/api/v1/access-control").path("publicPasswordSet").asBoolean())
                    .isTrue();
            var clash = v.send("POST", "/api/v1/people", "{'room':'101','name':'Eve','pin':'480351'}");
            assertThat(clash.body()).contains("is the public unlock password");
        }
    }

    private static void waitInterval() throws InterruptedException {
        Thread.sleep(3_100); // the Unlock Responding Interval of 3 s set above, on the VTO's real clock
    }
}

package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.testkit.Await;

/**
 * Issue 11's alarms on a running VTO: the tamper switch released sounds the alarm for 15 s (the prompt log) and
 * makes an alarm record; a door held open past the check duration is "door not closed" until it closes; a door
 * opened with no unlock is "forced open"; an exit-button opening is not. Acknowledged through the API.
 */
class AlarmsIT {
    @TempDir
    Path dir;

    private static JsonNode active(AccessVto v) throws Exception {
        return v.get("/api/v1/alarms").path("alarms");
    }

    private static void until(String what, AccessVto v, java.util.function.Predicate<JsonNode> alarms)
            throws Exception {
        Await.until(what, Duration.ofSeconds(10), () -> {
            try {
                return alarms.test(active(v));
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void tamperAndDoorAlarmsAreRaisedRecordedAndCleared() throws Exception {
        try (AccessVto v = AccessVto.start(dir.resolve("data"), "AlarmsIT", Map.of())) {
            v.ok("PUT", "/api/v1/access-control", "{'doorSensorCheck':2,'unlockRespondingInterval':0}");

            v.ok("PUT", "/api/v1/facade/tamper", "{'released':true}");
            until("the tamper alarm", v, a -> a.toString().contains("\"type\":\"tamper\""));
            JsonNode tamper = active(v).get(0);
            // door held open: no unlock first, so it is forced open too
            v.ok("PUT", "/api/v1/facade/door", "{'open':true}");
            until("forced open", v, a -> a.toString().contains("forced-open"));
            until("door not closed after 2 s", v, a -> a.toString().contains("door-not-closed"));
            v.ok("PUT", "/api/v1/facade/door", "{'open':false}");

            // the exit button, then the door: authorised, no new forced-open alarm
            int before = v.get("/api/v1/records/alarms?type=forced-open")
                    .path("total")
                    .asInt();
            v.ok("POST", "/api/v1/facade/exit-button", null);
            Thread.sleep(300);
            v.ok("PUT", "/api/v1/facade/door", "{'open':true}");
            v.ok("PUT", "/api/v1/facade/door", "{'open':false}");
            Thread.sleep(300);
            assertThat(v.get("/api/v1/records/alarms?type=forced-open")
                            .path("total")
                            .asInt())
                    .isEqualTo(before);

            // acknowledge: the door-not-closed alarm's door is closed again, so it is cleared at once
            JsonNode notClosed = v.get("/api/v1/records/alarms?type=door-not-closed")
                    .path("records")
                    .get(0);
            assertThat(notClosed.path("state").asText()).isIn("raised", "delivered");
            v.ok("POST", "/api/v1/alarms/" + notClosed.path("id").asLong() + "/acknowledge", null);
            assertThat(v.get("/api/v1/records/alarms?type=door-not-closed")
                            .path("records")
                            .get(0)
                            .path("state")
                            .asText())
                    .isEqualTo("cleared");
            // the tamper switch is still released: acknowledged, not cleared
            v.ok("POST", "/api/v1/alarms/" + tamper.path("id").asLong() + "/acknowledge", null);
            assertThat(v.send("POST", "/api/v1/alarms/" + tamper.path("id").asLong() + "/acknowledge", null)
                            .statusCode())
                    .isEqualTo(409);
            assertThat(active(v).toString()).contains("\"state\":\"acknowledged\"");
            v.ok("PUT", "/api/v1/facade/tamper", "{'released':false}");
            until("the tamper alarm cleared", v, a -> !a.toString().contains("\"type\":\"tamper\""));

            // the prompt log: alarm at the tamper, silence 15 s after the last sounding alarm
            Await.until("the alarm sound ends", Duration.ofSeconds(25), () -> {
                try {
                    return v.facade().path("lastSound").asText().equals("silence");
                } catch (Exception e) {
                    return false;
                }
            });
            JsonNode prompts = v.facade().path("prompts");
            Instant lastAlarm = null;
            Instant silence = null;
            for (JsonNode p : prompts) {
                if (p.path("name").asText().equals("alarm")) {
                    lastAlarm = Instant.parse(p.path("at").asText());
                } else if (p.path("name").asText().equals("silence")) {
                    silence = Instant.parse(p.path("at").asText());
                }
            }
            assertThat(lastAlarm).isNotNull();
            assertThat(Duration.between(lastAlarm, silence).toMillis()).isBetween(15_000L, 15_500L);
            assertThat(v.get("/api/v1/records/alarms").path("total").asInt()).isEqualTo(3);
        }
    }
}

package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;

/** {@code kill -9} at any moment never leaves a database that refuses to open, nor loses an acknowledged write. */
class CrashSafetyIT {
    @TempDir
    Path dir;

    @Test
    void killDuringStartupNeverBreaksTheDatabase() throws Exception {
        int[] delaysMs = {0, 150, 300, 450, 600, 800, 1000, 1300};
        for (int i = 0; i < delaysMs.length; i++) {
            Path data = dir.resolve("start-" + i);
            VtoProcess vto = new VtoProcess(data, "CrashSafetyIT-start").launch();
            Thread.sleep(delaysMs[i]);
            vto.kill9();
            try (VtoProcess again = new VtoProcess(data, "CrashSafetyIT-start").start()) {
                assertThat(again.get("/healthz").body()).contains("\"database\":\"ok\"");
                assertThat(again.postJson("/api/v1/init", "{\"password\":\"Door#Bell42\"}")
                                .statusCode())
                        .as("init after a kill at %d ms", delaysMs[i])
                        .isEqualTo(201);
            }
            assertIntegrity(data);
        }
    }

    @Test
    void killDuringPasswordChangesKeepsEveryAcknowledgedChange() throws Exception {
        Path data = dir.resolve("writes");
        String[] passwords = {"Door#Bell42", "Gate#Keep73"};
        AtomicInteger acknowledged = new AtomicInteger(0);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        VtoProcess vto = new VtoProcess(data, "CrashSafetyIT-writes").start();
        assertThat(vto.postJson("/api/v1/init", "{\"password\":\"" + passwords[0] + "\"}")
                        .statusCode())
                .isEqualTo(201);
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                for (int n = 1; ; n++) {
                    String current = passwords[(n - 1) % 2];
                    String next = passwords[n % 2];
                    var r = new DigestClient("admin", current, DigestAlgorithm.SHA_256)
                            .send(
                                    vto.baseUrl(),
                                    "PUT",
                                    "/api/v1/account/password",
                                    "{\"oldPassword\":\"" + current + "\",\"password\":\"" + next + "\"}");
                    if (r.statusCode() != 204) {
                        throw new AssertionError("change " + n + " answered " + r.statusCode() + " " + r.body());
                    }
                    acknowledged.set(n);
                }
            } catch (java.io.IOException killed) {
                // the server died under us: expected
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        // kill while writes are in flight: after the server has acknowledged some (a real signal, not a pause)
        org.openvto.testkit.Await.until(
                "20 acknowledged changes",
                java.time.Duration.ofSeconds(30),
                () -> acknowledged.get() >= 20 || failure.get() != null);
        vto.kill9();
        writer.join(10_000);
        assertThat(failure.get()).isNull();
        int acked = acknowledged.get();
        assertThat(acked).as("some changes were acknowledged before the kill").isGreaterThan(2);
        assertIntegrity(data);
        try (VtoProcess again = new VtoProcess(data, "CrashSafetyIT-writes").start()) {
            String afterAck = passwords[acked % 2];
            String inFlight = passwords[(acked + 1) % 2];
            int ackStatus = new DigestClient("admin", afterAck, DigestAlgorithm.MD5)
                    .send(again.baseUrl(), "GET", "/api/v1/device", null)
                    .statusCode();
            if (ackStatus != 200) {
                // the change in flight at the kill may have committed without its answer arriving
                assertThat(new DigestClient("admin", inFlight, DigestAlgorithm.MD5)
                                .send(again.baseUrl(), "GET", "/api/v1/device", null)
                                .statusCode())
                        .isEqualTo(200);
            }
        }
    }

    static void assertIntegrity(Path data) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("openvto.db"));
                var s = c.createStatement();
                var rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }
}

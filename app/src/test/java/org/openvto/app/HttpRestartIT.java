package org.openvto.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.testkit.Await;
import org.openvto.testkit.Ports;

/**
 * Network Setting › Basic: saving a new HTTP port answers the saving request in full, then moves the console to
 * the new port in-process (Quick Start Guide 4.2.3) — no fixed delay: the old server finishes its requests in
 * flight before it closes.
 */
class HttpRestartIT {
    static final String PASSWORD = "Door#Bell42";

    @TempDir
    Path dir;

    @Test
    void aNewHttpPortIsAnsweredOnTheOldPortThenServedOnTheNewOne() throws Exception {
        assertThat(VtoProcess.cli("init", "--data-dir", dir.resolve("data").toString(), "--password", PASSWORD)
                        .exitCode())
                .isZero();
        try (VtoProcess vto = new VtoProcess(dir.resolve("data"), "HttpRestartIT").start()) {
            DigestClient admin = new DigestClient("admin", PASSWORD, DigestAlgorithm.SHA_256);
            int newPort = freePort();
            var saved = admin.send(vto.baseUrl(), "PUT", "/api/v1/network", "{\"httpPort\":" + newPort + "}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(saved.body()).contains("\"restart\":[\"http\"]").contains("\"httpPort\":" + newPort);

            String moved = "http://127.0.0.1:" + newPort;
            Await.until(
                    "the console answering on the new port",
                    Duration.ofSeconds(15),
                    () -> statusOrZero(moved + "/healthz") == 200);
            assertThat(admin.send(moved, "GET", "/api/v1/network", null).body()).contains("\"httpPort\":" + newPort);
            assertThatThrownBy(() -> vto.get("/healthz"))
                    .as("the old port is closed")
                    .isInstanceOf(IOException.class);
        }
    }

    private static int statusOrZero(String url) {
        try {
            return VtoProcess.HTTP
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notYet) {
            return 0; // not bound yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int freePort() {
        return Ports.freeTcp();
    }
}

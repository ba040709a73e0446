package org.openvto.sip.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.sip.codec.SipLimits;
import org.openvto.sip.proxy.DialogTable;
import org.openvto.sip.registrar.Binding;
import org.openvto.sip.registrar.BindingStore;
import org.openvto.sip.registrar.RegistrarConfig;
import org.openvto.sip.registrar.SipAuthListener;
import org.openvto.sip.registrar.SipAuthPolicy;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transport.SipTransportConfig;

/** The liveness probe a supervisor uses to restart a SIP server whose one thread died or hangs. */
class SipServerLivenessTest {
    @Test
    void aStuckSipThreadIsReportedUnresponsiveAndResponsiveAgainOnceFree() throws Exception {
        BindingStore none = new BindingStore() {
            @Override
            public List<Binding> loadAll() {
                return List.of();
            }

            @Override
            public void replace(String user, List<Binding> bindings) {}
        };
        var config = new SipServerConfig(
                new SipTransportConfig("127.0.0.1", 0, SipLimits.DEFAULT, null),
                TransactionTimers.DEFAULT,
                RegistrarConfig.DEFAULT,
                List.of(DigestAlgorithm.MD5),
                DialogTable.Limits.DEFAULT,
                SipAuthPolicy.DEFAULT);
        try (SipServer server = new SipServer(
                config,
                user -> Optional.empty(),
                user -> List.of(),
                none,
                Clock.systemUTC(),
                (d, b) -> {},
                SipAuthListener.NONE,
                null)) {
            server.start();
            assertThat(server.responsive(Duration.ofSeconds(2))).isTrue();
            CountDownLatch release = new CountDownLatch(1);
            server.transport().execute(() -> {
                try {
                    release.await(); // simulates a hung SIP thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(server.responsive(Duration.ofMillis(300))).isFalse();
            release.countDown();
            assertThat(server.responsive(Duration.ofSeconds(2))).isTrue();
        }
    }
}

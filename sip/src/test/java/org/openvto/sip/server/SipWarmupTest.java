package org.openvto.sip.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.sip.codec.SipLimits;
import org.openvto.sip.proxy.DialogTable;
import org.openvto.sip.registrar.RegistrarConfig;
import org.openvto.sip.registrar.SipAuthPolicy;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transport.SipTransportConfig;

class SipWarmupTest {
    @Test
    void everyWarmUpRegistrationIsChallengedThenAcceptedUnderTheRealPolicyWithoutOpeningAPort() {
        var config = new SipServerConfig(
                new SipTransportConfig("127.0.0.1", 1, SipLimits.DEFAULT, null),
                new TransactionTimers(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5)),
                new RegistrarConfig("VDP", 30, 3600, 60),
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
                DialogTable.Limits.DEFAULT,
                SipAuthPolicy.DEFAULT,
                5_000);
        assertThat(SipWarmup.run(config, 2_500)).isEqualTo(2_500); // beyond the 2,000/s flood limit of one source
    }
}

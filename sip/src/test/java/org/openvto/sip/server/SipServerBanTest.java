package org.openvto.sip.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.sip.codec.SipLimits;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.proxy.DialogTable;
import org.openvto.sip.registrar.Binding;
import org.openvto.sip.registrar.BindingStore;
import org.openvto.sip.registrar.RegistrarConfig;
import org.openvto.sip.registrar.SipAuthListener;
import org.openvto.sip.registrar.SipAuthPolicy;
import org.openvto.sip.transaction.ServerTransactionHandle;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transport.SipTransportConfig;

/** A banned source gets no answer at all, whatever it sends. */
class SipServerBanTest {
    private final List<String> answers = new ArrayList<>();

    private ServerTransactionHandle handle(SipRequest request) {
        return new ServerTransactionHandle() {
            @Override
            public SipRequest request() {
                return request;
            }

            @Override
            public void respond(SipResponse response) {
                answers.add(String.valueOf(response.statusCode()));
            }

            @Override
            public void respondStatelessly(SipResponse response) {
                answers.add(String.valueOf(response.statusCode()));
            }

            @Override
            public void drop() {
                answers.add("dropped");
            }

            @Override
            public String id() {
                return "tx";
            }

            @Override
            public Object attachment() {
                return null;
            }

            @Override
            public void attach(Object attachment) {}
        };
    }

    private static SipRequest request(String method, int n) {
        SipRequest r = new SipRequest(method, "sip:VDP");
        r.headers().add("Via", "SIP/2.0/UDP 10.0.0.66:5062;branch=z9hG4bK-" + n);
        r.headers().add("Max-Forwards", "70");
        r.headers().add("From", "<sip:101%230@VDP>;tag=x");
        r.headers().add("To", "<sip:101%230@VDP>");
        r.headers().add("Call-ID", "flood-" + n);
        r.headers().add("CSeq", "1 " + method);
        return r;
    }

    @Test
    void aBannedSourceIsDroppedForEveryMethod() {
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
                new SipAuthPolicy(false, 5, Duration.ofMinutes(30), 2, Duration.ofSeconds(60), 100));
        try (SipServer server = new SipServer(
                config,
                user -> Optional.empty(),
                user -> List.of(),
                none,
                Clock.systemUTC(),
                (d, b) -> {},
                SipAuthListener.NONE,
                null)) {
            for (int i = 0; i < 3; i++) {
                SipRequest r = request("REGISTER", i);
                server.router().onRequest(r, handle(r)); // the third goes over the limit of 2 and bans the source
            }
            SipRequest options = request("OPTIONS", 9);
            server.router().onRequest(options, handle(options));
            SipRequest register = request("REGISTER", 10);
            server.router().onRequest(register, handle(register));
            assertThat(answers).containsExactly("401", "401", "401", "dropped", "dropped");
            assertThat(server.authGuard().droppedWhileBanned()).isEqualTo(2);
        }
    }
}

package org.openvto.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transaction.RecordingContext;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transaction.TransactionUser;

/** RFC 3261 §10.3 step 1: the registrar binds only for its own domain and its own addresses. */
class RegistrarDomainTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final List<String> stored = new ArrayList<>();
    private final LocationService locations = new LocationService(
            new BindingStore() {
                @Override
                public List<Binding> loadAll() {
                    return List.of();
                }

                @Override
                public void replace(String user, List<Binding> bindings) {
                    stored.add(user);
                }
            },
            clock);
    private final SipDigestAuth auth = new SipDigestAuth(
            "VDP", user -> Optional.ofNullable(Map.of("101#0", "Pw-101").get(user)), clock);
    private final Registrar registrar =
            new Registrar(RegistrarConfig.DEFAULT, ServedDomains.of("VDP", "10.0.0.1"), auth, locations, clock);
    private final TransactionLayer layer = new TransactionLayer(TransactionTimers.DEFAULT);
    private final RecordingContext udp = new RecordingContext(false, (delay, task) -> () -> {}, () -> 0L);

    RegistrarDomainTest() {
        layer.setUser(new TransactionUser() {
            @Override
            public void onRequest(SipRequest request, org.openvto.sip.transaction.ServerTransactionHandle tx) {
                registrar.register(request, tx, "10.0.0.2:5062", "UDP");
            }
        });
    }

    private SipResponse answer(String requestUri, String toHost) {
        SipRequest r = new SipRequest("REGISTER", requestUri);
        r.headers().add("Via", "SIP/2.0/UDP 10.0.0.2:5062;branch=z9hG4bK-" + udp.sent.size());
        r.headers().add("Max-Forwards", "70");
        r.headers().add("From", "<sip:101%230@" + toHost + ">;tag=vth");
        r.headers().add("To", "<sip:101%230@" + toHost + ">");
        r.headers().add("Call-ID", "reg-1@10.0.0.2");
        r.headers().add("CSeq", "1 REGISTER");
        r.headers().add("Contact", "<sip:101%230@10.0.0.2:5062>");
        layer.receive(r, udp);
        return (SipResponse) udp.sent.get(udp.sent.size() - 1);
    }

    @Test
    void aRegisterForAForeignDomainGets403WithoutAChallengeAndBindsNothing() {
        SipResponse r = answer("sip:other.example", "other.example");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.reasonPhrase()).isEqualTo("Domain Not Served");
        assertThat(r.headers().get("WWW-Authenticate")).isNull();
        assertThat(stored).isEmpty();
        assertThat(locations.size()).isZero();
    }

    @Test
    void anAddressOfRecordOfAnotherDomainIsRefusedEvenThroughTheOwnRequestUri() {
        assertThat(answer("sip:VDP", "other.example").statusCode()).isEqualTo(403);
    }

    @Test
    void theDomainInAnyCaseAndTheOwnAddressWithOrWithoutPortAreServed() {
        assertThat(answer("sip:VDP", "VDP").statusCode())
                .as("challenged, so accepted as ours")
                .isEqualTo(401);
        assertThat(answer("sip:vdp", "vdp").statusCode()).isEqualTo(401);
        assertThat(answer("sip:10.0.0.1", "10.0.0.1").statusCode()).isEqualTo(401);
        assertThat(answer("sip:10.0.0.1:5060", "10.0.0.1:5060").statusCode()).isEqualTo(401);
        assertThat(answer("sip:10.0.0.9", "10.0.0.9").statusCode())
                .as("another IP")
                .isEqualTo(403);
    }

    @Test
    void aWildcardBindAddressServesTheLocalAddressesAndIpv6InAnySpelling() {
        ServedDomains any = ServedDomains.of("VDP", "0.0.0.0");
        assertThat(any.serves(SipUri.parse("sip:127.0.0.1:5060"))).isTrue();
        assertThat(any.serves(SipUri.parse("sip:192.0.2.77"))).isFalse();
        ServedDomains v6 = ServedDomains.of("VDP", "::1");
        assertThat(v6.serves(SipUri.parse("sip:[0:0:0:0:0:0:0:1]:5060"))).isTrue();
        assertThat(v6.serves(SipUri.parse("sip:[::1]"))).isTrue();
    }
}

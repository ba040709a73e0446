package org.openvto.sip.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestResponse;
import org.openvto.digest.DigestVerifier;
import org.openvto.sip.codec.SipMessage;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.registrar.Binding;
import org.openvto.sip.registrar.BindingStore;
import org.openvto.sip.registrar.LocationService;
import org.openvto.sip.registrar.SipAuthGuard;
import org.openvto.sip.registrar.SipAuthListener;
import org.openvto.sip.registrar.SipAuthPolicy;
import org.openvto.sip.registrar.SipDigestAuth;
import org.openvto.sip.transaction.FakeScheduler;
import org.openvto.sip.transaction.RecordingContext;
import org.openvto.sip.transaction.RecordingPaths;
import org.openvto.sip.transaction.TransactionContext;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transport.SipTransportKind;

/**
 * The forking proxy (RFC 3261 §16) on its own: the transaction layer and the proxy with a transport that only
 * records, and timers on a fake scheduler — so forking, CANCEL, the choice of the best response and Timer B are
 * checked to the millisecond, without sockets or sleeps.
 */
class ProxyTest {
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    private static final String PASSWORD = "Pw-8002";
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final FakeScheduler scheduler = new FakeScheduler();
    private final Map<String, String> accounts =
            Map.of("101#0", "a", "101#1", "b", "102#0", "c", "8002", PASSWORD, "8003", "d");
    /** The numbering plan the application would supply: a room reaches its devices, master first. */
    private final TargetResolver plan = user -> switch (user) {
        case "101" -> List.of("101#0", "101#1");
        case "102" -> List.of("102#0");
        default -> accounts.containsKey(user) ? List.of(user) : List.of();
    };

    private final FakePaths paths = new FakePaths();
    private final TransactionLayer layer = new TransactionLayer(TransactionTimers.DEFAULT);
    private RecordingContext caller;
    private int branch;

    @BeforeEach
    void setUp() {
        List<Binding> registered = List.of(
                binding("101#0", "10.0.0.10"),
                binding("101#1", "10.0.0.11"),
                binding("8002", "10.0.0.8"),
                binding("8001", "10.0.0.1")); // the VTO's own user agent beside the proxy
        LocationService locations = new LocationService(
                new BindingStore() {
                    @Override
                    public List<Binding> loadAll() {
                        return registered;
                    }

                    @Override
                    public void replace(String user, List<Binding> bindings) {}
                },
                clock);
        SipDigestAuth auth = new SipDigestAuth(
                "VDP",
                user -> Optional.ofNullable(accounts.get(user)),
                clock,
                List.of(DigestAlgorithm.MD5),
                new SipAuthGuard(SipAuthPolicy.DEFAULT, clock, SipAuthListener.NONE));
        Proxy proxy = new Proxy(
                layer,
                paths,
                locations,
                plan,
                auth,
                new DialogTable(clock, DialogTable.Limits.DEFAULT, (d, before) -> {}));
        layer.setUser(proxy);
        caller = new RecordingContext(false, scheduler, scheduler::nowMillis);
    }

    private static Binding binding(String user, String ip) {
        return new Binding(
                user,
                "sip:" + user.replace("#", "%23") + "@" + ip + ":5060",
                ip + ":5060",
                "UDP",
                null,
                "r",
                1,
                T0.plusSeconds(3600),
                null);
    }

    // ---- scenarios -----------------------------------------------------------------------------------------

    @Test
    void anUnauthenticatedInviteIsChallengedStatelessly() {
        layer.receive(invite("101", null), caller);
        assertThat(codes(caller)).containsExactly(407);
        assertThat(((SipResponse) caller.sent.get(0)).headers().get("Proxy-Authenticate"))
                .contains("nonce=");
        assertThat(layer.sizes()[0])
                .as("no server transaction kept for a challenge")
                .isZero();
        assertThat(paths.sentTo).isEmpty();
    }

    @Test
    void aRoomCallForksToEveryDeviceAndRecordRoutes() {
        call("101");
        assertThat(codes(caller)).containsExactly(100);
        assertThat(paths.sentTo.keySet()).containsExactly("10.0.0.10:5060", "10.0.0.11:5060");
        for (SipRequest forwarded : List.of(forwarded("10.0.0.10"), forwarded("10.0.0.11"))) {
            assertThat(forwarded.method()).isEqualTo("INVITE");
            assertThat(forwarded.topVia().sentBy()).isEqualTo("10.0.0.1:5060"); // §16.6 step 8
            assertThat(forwarded.vias()).hasSize(2);
            assertThat(forwarded.headers().get("Record-Route")).isEqualTo("<sip:10.0.0.1:5060;lr>"); // step 4
            assertThat(forwarded.maxForwards()).isEqualTo(69); // step 3
            assertThat(forwarded.headers().get("Proxy-Authorization"))
                    .as("credentials for us only")
                    .isNull();
        }
        assertThat(forwarded("10.0.0.10").requestUri()).isEqualTo("sip:101%230@10.0.0.10:5060");
    }

    @Test
    void theAuthenticatedCallerIsAssertedAndAForgedAssertionIsReplaced() {
        SipRequest invite = authenticated(invite("101", null, "8002"), "8002", PASSWORD);
        invite.headers().add("P-Asserted-Identity", "<sip:888888@VDP>");
        layer.receive(invite, caller);
        assertThat(forwarded("10.0.0.10").headers().getAll("P-Asserted-Identity"))
                .as("RFC 3325 §9.1")
                .containsExactly("<sip:8002@VDP>");
    }

    @Test
    void aPreloadedRouteNamingThisProxyIsRemovedBeforeForwarding() {
        SipRequest invite = authenticated(invite("101", null, "8002"), "8002", PASSWORD);
        invite.headers().add("Route", "<sip:10.0.0.1:5060;lr>");
        layer.receive(invite, caller);
        assertThat(forwarded("10.0.0.10").headers().get("Route"))
                .as("RFC 3261 §16.4")
                .isNull();
    }

    @Test
    void anAckForTheUserAgentBesideTheProxyIsForwardedAndAStrayOneToItselfIsDropped() {
        SipRequest ack = new SipRequest("ACK", "sip:8001@10.0.0.1:5060");
        ack.headers().add("Via", "SIP/2.0/UDP 10.0.0.10:5060;branch=z9hG4bKack1");
        ack.headers().add("Route", "<sip:10.0.0.1:5060;lr>");
        ack.headers().add("Max-Forwards", "70");
        ack.headers().add("From", "<sip:101%230@VDP>;tag=m");
        ack.headers().add("To", "<sip:8001@VDP>;tag=u");
        ack.headers().add("Call-ID", "mon-1");
        ack.headers().add("CSeq", "1 ACK");
        layer.receive(ack, caller);
        assertThat(paths.sentTo).containsKey("10.0.0.1:5060");

        paths.sentTo.clear();
        SipRequest stray = new SipRequest("ACK", "sip:101@10.0.0.1:5060");
        stray.headers().add("Via", "SIP/2.0/UDP 10.0.0.10:5060;branch=z9hG4bKack2");
        stray.headers().add("Max-Forwards", "70");
        stray.headers().add("From", "<sip:8002@VDP>;tag=v");
        stray.headers().add("To", "<sip:101@VDP>;tag=p1");
        stray.headers().add("Call-ID", "c-407");
        stray.headers().add("CSeq", "1 ACK");
        layer.receive(stray, caller);
        assertThat(paths.sentTo).isEmpty();
    }

    @Test
    void theFirstAnswerWinsAndThePendingBranchesAreCancelled() {
        call("101");
        answer("10.0.0.11", 180);
        assertThat(codes(caller)).containsExactly(100, 180);
        answer("10.0.0.10", 200);
        assertThat(codes(caller)).containsExactly(100, 180, 200);
        SipRequest cancel = lastRequest("10.0.0.11");
        assertThat(cancel.method()).isEqualTo("CANCEL"); // §16.7 step 10
        assertThat(cancel.topVia().param("branch"))
                .isEqualTo(forwarded("10.0.0.11").topVia().param("branch"));
        assertThat(paths.sentTo.get("10.0.0.10:5060").sent)
                .extracting(m -> ((SipRequest) m).method())
                .containsOnly("INVITE");
        answer("10.0.0.11", 487);
        assertThat(codes(caller))
                .as("the cancelled branch's 487 does not go upstream")
                .containsExactly(100, 180, 200);
    }

    @Test
    void whenEveryBranchFailsTheBestResponseGoesUpstreamOnceAllAreDone() {
        call("101");
        answer("10.0.0.10", 486);
        assertThat(codes(caller))
                .as("no final answer while a branch is pending (§16.7)")
                .containsExactly(100);
        answer("10.0.0.11", 603);
        assertThat(codes(caller)).containsExactly(100, 603);
    }

    @Test
    void aBusyAndASilentDeviceGiveBusyWhenTimerBEnds() {
        call("101");
        answer("10.0.0.10", 486);
        scheduler.advance(Duration.ofMillis(31_999));
        assertThat(codes(caller)).containsExactly(100);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(codes(caller))
                .as("Timer B (64*T1) ends the silent branch as 408; 486 is better")
                .containsExactly(100, 486);
        assertThat(paths.sentTo.get("10.0.0.11:5060").sentAt)
                .containsExactly(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L);
    }

    @Test
    void aCancelFromTheCallerCancelsEveryBranchAndAnswers487() {
        SipRequest invite = call("101");
        layer.receive(invite.cancel(), caller);
        assertThat(codes(caller)).containsExactly(100, 200); // the CANCEL's own 200 (§9.2)
        assertThat(lastRequest("10.0.0.10").method()).isEqualTo("CANCEL");
        assertThat(lastRequest("10.0.0.11").method()).isEqualTo("CANCEL");
        answer("10.0.0.10", 487);
        answer("10.0.0.11", 487);
        assertThat(codes(caller)).containsExactly(100, 200, 487);
        assertThat(((SipResponse) caller.sent.get(2)).cseq().method()).isEqualTo("INVITE");
    }

    @Test
    void unknownNumbersUnregisteredRoomsAndUnregisteredCallersAreRefused() {
        call("999");
        assertThat(codes(caller)).containsExactly(404);
        caller.sent.clear();
        call("102");
        assertThat(codes(caller)).as("the room exists, nobody is registered").containsExactly(480);
        caller.sent.clear();
        call("101", "8003", "d");
        assertThat(codes(caller)).as("authenticated but not registered").containsExactly(403);
        assertThat(paths.sentTo).isEmpty();
    }

    @Test
    void aWrongPasswordIsChallengedAgainNotForwarded() {
        SipRequest first = invite("101", null);
        layer.receive(first, caller);
        String nonce = nonce((SipResponse) caller.sent.get(0));
        caller.sent.clear();
        layer.receive(invite("101", credentials("8002", "Wrong#Pw1", nonce, "sip:101@VDP")), caller);
        assertThat(codes(caller)).containsAnyOf(403, 407);
        assertThat(paths.sentTo).isEmpty();
    }

    @Test
    void maxForwardsZeroAndLoopsAreAnsweredNotForwarded() {
        SipRequest tired = authenticated(invite("101", null), "8002", PASSWORD);
        tired.headers().set("Max-Forwards", "0");
        layer.receive(tired, caller);
        assertThat(codes(caller)).containsExactly(483); // §16.3 step 2
        caller.sent.clear();

        call("101");
        SipRequest out = forwarded("10.0.0.10");
        // the forwarded INVITE comes back to us (a misconfigured device forwarding to the server) unchanged
        SipRequest looped = new SipRequest(
                "INVITE", out.requestUri(), out.version(), out.headers().copy(), null);
        looped.headers().addFirst("Via", "SIP/2.0/UDP 10.0.0.99:5060;branch=z9hG4bK-loop" + branch++);
        caller.sent.clear();
        layer.receive(looped, caller);
        assertThat(codes(caller)).containsExactly(482); // §16.3 step 4
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    /** An authenticated INVITE from VTO 8002 to {@code number}, after the 407 round trip. */
    private SipRequest call(String number) {
        return call(number, "8002", PASSWORD);
    }

    private SipRequest call(String number, String user, String password) {
        SipRequest invite = authenticated(invite(number, null, user), user, password);
        layer.receive(invite, caller);
        return invite;
    }

    private SipRequest authenticated(SipRequest unauthenticated, String user, String password) {
        RecordingContext challengePath = new RecordingContext(false, scheduler, scheduler::nowMillis);
        layer.receive(unauthenticated, challengePath);
        String nonce = nonce((SipResponse) challengePath.sent.get(0));
        String uri = unauthenticated.requestUri();
        String from = unauthenticated.headers().get("From");
        SipRequest again = invite(
                uri.substring(4, uri.indexOf('@')),
                credentials(user, password, nonce, uri),
                from.substring(from.indexOf(':') + 1, from.indexOf('@')));
        again.headers().set("Max-Forwards", unauthenticated.headers().get("Max-Forwards"));
        return again;
    }

    private SipRequest invite(String number, String authorization) {
        return invite(number, authorization, "8002");
    }

    private SipRequest invite(String number, String authorization, String from) {
        SipRequest r = new SipRequest("INVITE", "sip:" + number + "@VDP");
        r.headers().add("Via", "SIP/2.0/UDP 10.0.0.8:5060;branch=z9hG4bK-caller" + branch++ + ";received=10.0.0.8");
        r.headers().add("Max-Forwards", "70");
        r.headers().add("From", "<sip:" + from + "@VDP>;tag=vto");
        r.headers().add("To", "<sip:" + number + "@VDP>");
        r.headers().add("Call-ID", "call-" + number + "@10.0.0.8");
        r.headers().add("CSeq", branch + " INVITE");
        r.headers().add("Contact", "<sip:" + from + "@10.0.0.8:5060>");
        if (authorization != null) {
            r.headers().add("Proxy-Authorization", authorization);
        }
        return r;
    }

    private static String credentials(String user, String password, String nonce, String uri) {
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, user, "VDP", password);
        var unsigned = new DigestResponse(
                user, "VDP", nonce, uri, "", DigestAlgorithm.MD5, "auth", "c0ffee", "00000001", null);
        String response = DigestVerifier.expectedResponse(unsigned, "INVITE", ha1);
        return "Digest username=\"" + user + "\", realm=\"VDP\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"";
    }

    private static String nonce(SipResponse challenge) {
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"")
                .matcher(challenge.headers().get("Proxy-Authenticate"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The INVITE forwarded to the device at {@code ip}. */
    private SipRequest forwarded(String ip) {
        return (SipRequest) paths.sentTo.get(ip + ":5060").sent.get(0);
    }

    private SipRequest lastRequest(String ip) {
        List<SipMessage> sent = paths.sentTo.get(ip + ":5060").sent;
        return (SipRequest) sent.get(sent.size() - 1);
    }

    /** The device at {@code ip} answers the forwarded INVITE with {@code code}. */
    private void answer(String ip, int code) {
        SipResponse r = SipResponse.createFor(forwarded(ip), code, "X");
        if (code > 100) {
            r.withToTag("dev-" + ip);
        }
        if (code >= 200 && code < 300) {
            r.headers().add("Contact", "<sip:dev@" + ip + ":5060>");
        }
        layer.receive(r);
    }

    private static List<Integer> codes(RecordingContext path) {
        List<Integer> out = new ArrayList<>();
        for (SipMessage m : path.sent) {
            if (m instanceof SipResponse r) {
                out.add(r.statusCode());
            }
        }
        return out;
    }

    /** This server at 10.0.0.1:5060 (no TLS); every path records what is sent on it, by target. */
    private final class FakePaths extends RecordingPaths {
        FakePaths() {
            super(scheduler);
        }

        final Map<String, RecordingContext> sentTo = new LinkedHashMap<>();

        @Override
        public TransactionContext pathTo(InetSocketAddress target, SipTransportKind kind, InetSocketAddress flow) {
            return sentTo.computeIfAbsent(
                    target.getAddress().getHostAddress() + ":" + target.getPort(),
                    k -> new RecordingContext(false, scheduler, scheduler::nowMillis));
        }
    }
}

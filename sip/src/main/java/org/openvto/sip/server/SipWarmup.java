package org.openvto.sip.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestVerifier;
import org.openvto.sip.codec.SipDecodeResult;
import org.openvto.sip.codec.SipMessage;
import org.openvto.sip.codec.SipMessageDecoder;
import org.openvto.sip.codec.SipMessageEncoder;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.registrar.BindingStore;
import org.openvto.sip.registrar.SipAuthListener;
import org.openvto.sip.registrar.SipAuthPolicy;
import org.openvto.sip.transaction.TimerScheduler;
import org.openvto.sip.transaction.TransactionContext;
import org.openvto.sip.transaction.TransactionTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the REGISTER hot path — decode, digest challenge, authenticated REGISTER, registrar, encode — through a
 * throw-away server with in-memory accounts (at boot before the real one opens its ports), so that the JIT has compiled it
 * when the building's monitors arrive. Why: after a power cut the VTO boots and every indoor monitor re-registers
 * at once; an interpreted JVM answered late, the monitors retransmitted (T1 = 500 ms), and the retransmissions
 * made a storm that a warm JVM holds easily. The throw-away server shares nothing with the real one (its own
 * accounts, bindings, nonces and lockout tables) and sends nothing: answers are only encoded into a buffer.
 *
 * <p>Costs about 2 s of one core for 20,000 registrations (docs/PERFORMANCE.md). Runs on the calling thread.
 */
final class SipWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(SipWarmup.class);

    private SipWarmup() {}

    /**
     * {@code registrations} REGISTER → 401 → REGISTER with credentials → 200 exchanges through {@code config}'s stack;
     * returns how many ended in 200 (all of them, unless the stack refuses its own warm-up).
     */
    static int run(SipServerConfig config, int registrations) {
        long start = System.nanoTime();
        SipAuthPolicy p = config.authPolicy(); // the same checks, but a limit the warm-up's one source cannot reach
        SipAuthPolicy unlimited = new SipAuthPolicy(
                p.allowNoQop(), p.lockoutFailures(), p.lockoutDuration(), 1_000_000, p.floodBan(), p.maxTracked());
        SipServerConfig quiet = new SipServerConfig(
                config.transport(),
                config.timers(),
                config.registrar(),
                java.util.List.of(DigestAlgorithm.MD5),
                config.dialogLimits(),
                unlimited,
                0);
        String realm = config.registrar().realm();
        SipServer server = new SipServer(
                quiet,
                user -> Optional.of("warm-" + user),
                user -> java.util.List.of(),
                BindingStore.NONE,
                Clock.systemUTC(),
                (dialog, before) -> {},
                SipAuthListener.NONE,
                null);
        SipMessageDecoder decoder = new SipMessageDecoder(config.transport().limits());
        ByteBuf out = Unpooled.buffer(2048);
        SipResponse[] last = new SipResponse[1];
        int[] ok = {0};
        TransactionContext path = new Capture(config.timers(), r -> {
            out.clear();
            SipMessageEncoder.write(r, out);
            last[0] = (SipResponse) r;
            ok[0] += last[0].statusCode() == 200 ? 1 : 0;
        });
        try {
            for (int i = 0; i < registrations; i++) {
                String user = "9" + (i % 500) + "#0";
                server.router().onRequest(decode(decoder, register(realm, user, i, null)), new WarmHandle(path));
                String nonce = nonce(last[0]);
                if (nonce != null) {
                    server.router()
                            .onRequest(
                                    decode(decoder, register(realm, user, i, authorization(realm, user, nonce))),
                                    new WarmHandle(path));
                }
            }
        } finally {
            out.release();
            server.close();
        }
        LOG.info(
                "SIP hot path warmed up with {} registrations ({} accepted) in {} ms",
                registrations,
                ok[0],
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        return ok[0];
    }

    private static SipRequest decode(SipMessageDecoder decoder, String text) {
        SipDecodeResult r = decoder.decodeDatagram(text.getBytes(StandardCharsets.US_ASCII));
        if (r instanceof SipDecodeResult.Decoded(SipRequest request)) {
            return request;
        }
        throw new IllegalStateException("warm-up message does not decode: " + r);
    }

    private static String register(String realm, String user, int i, String authorization) {
        String escaped = user.replace("#", "%23");
        return "REGISTER sip:" + realm + " SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-warm" + i
                + (authorization == null ? "a" : "b") + ";rport=5060;received=192.0.2.1\r\nMax-Forwards: 70\r\n"
                + "From: <sip:" + escaped + "@" + realm + ">;tag=w" + i + "\r\nTo: <sip:" + escaped + "@" + realm
                + ">\r\n"
                + "Call-ID: warm-" + i + "@192.0.2.1\r\nCSeq: " + (authorization == null ? 1 : 2) + " REGISTER\r\n"
                + "Contact: <sip:" + escaped + "@192.0.2.1:5060>\r\nExpires: 60\r\nUser-Agent: warm-up\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    private static String nonce(SipResponse challenge) {
        String h = challenge == null ? null : challenge.headers().get("WWW-Authenticate");
        int at = h == null ? -1 : h.indexOf("nonce=\"");
        return at < 0 ? null : h.substring(at + 7, h.indexOf('"', at + 7));
    }

    private static String authorization(String realm, String user, String nonce) {
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, user, realm, "warm-" + user);
        String ha2 = DigestAlgorithm.MD5.hex("REGISTER:sip:" + realm);
        String response = DigestAlgorithm.MD5.hex(ha1 + ":" + nonce + ":00000001:c0ffee:auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"sip:" + realm
                + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"";
    }

    /** A reply path that only encodes. */
    private record Capture(TransactionTimers timers, Consumer<SipMessage> sink) implements TransactionContext {
        @Override
        public boolean send(SipMessage message) {
            sink.accept(message);
            return true;
        }

        @Override
        public boolean reliable() {
            return false;
        }

        @Override
        public TimerScheduler scheduler() {
            return (delay, task) -> () -> {}; // nothing waits: the registrar answers statelessly
        }

        @Override
        public InetSocketAddress peer() {
            return new InetSocketAddress("192.0.2.1", 5060); // TEST-NET-1 literal: no lookup, never contacted
        }
    }

    /** A stateless server transaction handle over {@link Capture}. */
    private static final class WarmHandle implements org.openvto.sip.transaction.ServerTransactionHandle {
        private final TransactionContext path;
        private Object attachment;

        WarmHandle(TransactionContext path) {
            this.path = path;
        }

        @Override
        public SipRequest request() {
            return null;
        }

        @Override
        public void respond(SipResponse response) {
            path.send(response);
        }

        @Override
        public void respondStatelessly(SipResponse response) {
            path.send(response);
        }

        @Override
        public void drop() {}

        @Override
        public String id() {
            return "warm";
        }

        @Override
        public Object attachment() {
            return attachment;
        }

        @Override
        public void attach(Object attachment) {
            this.attachment = attachment;
        }

        @Override
        public InetSocketAddress peer() {
            return path.peer();
        }
    }
}

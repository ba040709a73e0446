package org.openvto.sip.ua;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.openvto.sip.codec.SipHeader;
import org.openvto.sip.codec.SipHeaderNames;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipVia;
import org.openvto.sip.transaction.ClientTransaction;
import org.openvto.sip.transaction.ClientTransactionListener;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transport.SipPaths;

/**
 * The VTO's own user agent client for requests outside a dialog (RFC 3261 §8.1): a {@code MESSAGE} to the
 * management centre (RFC 3428), an {@code OPTIONS}. {@link #send} builds the request as §8.1.1 asks — the given
 * Request-URI and To, From with a fresh tag, a fresh Call-ID, {@code CSeq: 1 <method>}, {@code Max-Forwards: 70},
 * a Via naming this stack's address and the hop's transport with a fresh {@code z9hG4bK} branch and {@code rport}
 * (RFC 3581) — and sends it through a non-INVITE client transaction of the stack's {@link TransactionLayer}
 * (§17.1.2): over UDP Timer E retransmits it from T1, doubling up to T2; Timer F (64·T1, 32 s with the default
 * timers) ends it without an answer; TCP and TLS do not retransmit. Responses find the transaction by branch and
 * method (§17.1.3) as for the proxy's forwarded requests, so no route of the {@link
 * org.openvto.sip.stack.SipRouter} is involved.
 *
 * <p>Outcome: the returned future completes exactly once, with the final response ({@link Outcome.Answered},
 * whatever its class — provisional responses are not passed up) or with why there was none ({@link
 * Outcome.NoAnswer}: Timer F, a transport error such as a refused TCP connection — §8.1.3.1 treats both as a
 * 408 —, a stopped stack). A 401/407 challenge is returned as it came: this client does not authenticate
 * (§22.2); a device the VTO serves has no reason to challenge it.
 *
 * <p>Threading: {@link #send} may be called from any thread and never blocks; the request is built and its
 * transaction created and run on the SIP thread (the {@code sipThread} executor), where the future also completes
 * — callers wait for it on their own thread ({@code get} with their own cap) or continue with an {@code …Async}
 * stage, never with blocking work in a plain callback. A caller that gives up earlier than Timer F leaves the
 * transaction to finish on its own; a late answer then completes a future nobody waits for.
 *
 * <p>Limits: only IP-literal hops ({@link org.openvto.sip.transport.SipHop}), no RFC 3263 look-ups, no dialogs.
 */
public final class UserAgentClient {
    /** How a request ended. */
    public sealed interface Outcome {
        /** A final response (2xx–6xx). */
        record Answered(SipResponse response) implements Outcome {
            public int status() {
                return response.statusCode();
            }

            /** {@code 200 OK}. */
            public String statusLine() {
                return response.statusCode() + " " + response.reasonPhrase();
            }
        }

        /** No final response: Timer F, a transport error, or the stack is stopped ({@code reason} says which). */
        record NoAnswer(String reason) implements Outcome {}
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransactionLayer layer;
    private final SipPaths paths;
    private final Executor sipThread;

    /** {@code sipThread} runs tasks on the thread {@code layer} and {@code paths} belong to (the SIP event loop). */
    public UserAgentClient(TransactionLayer layer, SipPaths paths, Executor sipThread) {
        this.layer = Objects.requireNonNull(layer, "layer");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.sipThread = Objects.requireNonNull(sipThread, "sipThread");
    }

    /**
     * The Call-ID, From tag and CSeq number of a request. A request on its own takes {@link #fresh()} ones; a
     * registration keeps its Call-ID and tag and counts CSeq up (RFC 3261 §10.2.4), as does a request retried with
     * credentials (§22.2).
     *
     * @param callId the Call-ID's random part, without {@code @host} (the client adds its host)
     */
    public record Sequence(String callId, String fromTag, long cseq) {
        /** §8.1.1.4 and §19.3: Call-ID and tag cryptographically random; CSeq 1. */
        public static Sequence fresh() {
            return new Sequence(random(16), random(8), 1);
        }

        /** The same Call-ID and tag, the next CSeq (§10.2.4, §22.2). */
        public Sequence next() {
            return new Sequence(callId, fromTag, cseq + 1);
        }
    }

    /** Sends {@code request} in a new client transaction; see the class comment for how the future completes. */
    public CompletableFuture<Outcome> send(OutOfDialogRequest request) {
        return send(request, Sequence.fresh());
    }

    /** {@link #send(OutOfDialogRequest)} with the given Call-ID, From tag and CSeq. */
    public CompletableFuture<Outcome> send(OutOfDialogRequest request, Sequence sequence) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sequence, "sequence");
        String branch = branch();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        try {
            sipThread.execute(() -> start(request, sequence, branch, outcome));
        } catch (RejectedExecutionException stopped) {
            outcome.complete(new Outcome.NoAnswer("the SIP stack is stopped"));
        }
        return outcome;
    }

    private void start(OutOfDialogRequest request, Sequence seq, String branch, CompletableFuture<Outcome> outcome) {
        int port = paths.port(request.hop().kind());
        if (port <= 0) {
            outcome.complete(new Outcome.NoAnswer(
                    "this SIP stack has no " + request.hop().kind() + " port"));
            return;
        }
        SipRequest sip = build(request, paths.uriHost(), port, seq, branch);
        ClientTransaction tx = layer.newClient(sip, request.hop().path(paths), new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction t, SipResponse response) {
                if (response.statusCode() >= 200) { // §8.1.3.2: provisionals only say it is on its way
                    outcome.complete(new Outcome.Answered(response));
                }
            }

            @Override
            public void onTimeout(ClientTransaction t, String reason) {
                outcome.complete(new Outcome.NoAnswer(reason)); // §8.1.3.1: as a 408
            }
        });
        tx.start();
    }

    /**
     * The request §8.1.1 describes, with the given tag, Call-ID and branch, from {@code host:port} (the Via's
     * sent-by, over the hop's transport). Package-private for the tests of its construction.
     */
    static SipRequest build(OutOfDialogRequest r, String host, int port, Sequence seq, String branch) {
        SipRequest sip = start(
                r.method(),
                r.requestUri(),
                r.to(),
                r.from(),
                seq,
                host,
                port,
                r.hop().kind(),
                branch);
        var h = sip.headers();
        for (SipHeader extra : r.headers()) {
            h.add(extra.name(), extra.value());
        }
        if (!r.contentType().isEmpty()) {
            h.add(SipHeaderNames.CONTENT_TYPE, r.contentType());
        }
        h.add(SipHeaderNames.CONTENT_LENGTH, String.valueOf(r.bodyUnshared().length)); // §18.3, §20.14
        sip.setBody(r.bodyUnshared());
        return sip;
    }

    /**
     * The start of a request outside a dialog (§8.1.1), for this client and the user agent's INVITE alike: the
     * Request-URI, Via from {@code host:port} over {@code kind} with {@code branch}, Max-Forwards, To without tag,
     * From with the sequence's tag, its Call-ID and CSeq. The caller adds the rest and the body.
     */
    static SipRequest start(
            String method,
            String requestUri,
            String to,
            String from,
            Sequence seq,
            String host,
            int port,
            org.openvto.sip.transport.SipTransportKind kind,
            String branch) {
        SipRequest sip = new SipRequest(method, requestUri); // §8.1.1.1
        var h = sip.headers();
        h.add(SipHeaderNames.VIA, via(kind, host, port, branch)); // §8.1.1.7, RFC 3581
        h.add(SipHeaderNames.MAX_FORWARDS, "70"); // §8.1.1.6
        h.add(SipHeaderNames.TO, "<" + to + ">"); // §8.1.1.2: no tag outside a dialog
        h.add(SipHeaderNames.FROM, "<" + from + ">;tag=" + seq.fromTag()); // §8.1.1.3
        h.add(SipHeaderNames.CALL_ID, seq.callId() + "@" + host); // §8.1.1.4
        h.add(SipHeaderNames.CSEQ, seq.cseq() + " " + method); // §8.1.1.5
        return sip;
    }

    /** A Via value: sent-by {@code host:port} over {@code kind}, {@code branch}, and {@code rport} (RFC 3581). */
    static String via(org.openvto.sip.transport.SipTransportKind kind, String host, int port, String branch) {
        return "SIP/2.0/" + kind.token() + " " + host + ":" + port + ";branch=" + branch + ";rport";
    }

    /** A fresh {@code z9hG4bK} branch (§8.1.1.7: unique per request). */
    static String branch() {
        return SipVia.MAGIC_COOKIE + random(12);
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

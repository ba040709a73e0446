package org.openvto.sip.ua;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.openvto.sip.codec.SipHeaderNames;
import org.openvto.sip.codec.SipMethod;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipResponseStatus;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transaction.ClientTransaction;
import org.openvto.sip.transaction.ClientTransactionListener;
import org.openvto.sip.transaction.ServerTransactionHandle;
import org.openvto.sip.transaction.TimerScheduler;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionUser;
import org.openvto.sip.transport.SipHop;
import org.openvto.sip.transport.SipPaths;
import org.openvto.sip.transport.SipTransportKind;

/**
 * The VTO's own user agent core for calls (RFC 3261 §8, §12–§15), a transaction user next to the registrar and the
 * proxy on the same stack and port. It makes calls ({@link #invite} → {@link OutgoingCall}: the visitor calling a
 * room) and takes them ({@link Listener#incoming} → {@link IncomingCall}: an indoor monitor watching the door), and
 * answers the requests within their dialogs: BYE (§15.1.2), INFO (RFC 6086, DTMF relay), OPTIONS, re-INVITE (the
 * same session again), ACK; anything else within a dialog is 405, a request for no dialog 481 (§12.2.2), one out of
 * CSeq order 500.
 *
 * <p>What reaches it: the {@link org.openvto.sip.stack.SipRouter} gives it every request whose Request-URI is this
 * user agent's Contact — marked {@code ;ua=openvto} ({@link #isForMe}) — and has no Route (a request still routed
 * through this VTO's own proxy goes to the proxy first, which forwards it here). New INVITEs are taken only from
 * {@code trusted} sources (this VTO's own proxy, which authenticated the caller, or the main VTO); others get
 * {@code 403}. The caller is named by {@code P-Asserted-Identity} from a trusted source (RFC 3325), else by From.
 *
 * <p>Threading: everything runs on the SIP thread ({@code sipThread}); {@link #invite} and the calls' methods may
 * be called from any thread and return at once. Listeners are called on the SIP thread and must not block.
 */
public final class UserAgent implements TransactionUser {
    /** The Contact URI parameter that marks requests for this user agent. */
    public static final String MARK = "ua";

    public static final String MARK_VALUE = "openvto";
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO";

    /** Gets the calls that arrive; on the SIP thread, must not block. */
    public interface Listener {
        /** {@code call} arrived (its {@code 100 Trying} is sent): answer, reject or leave it to CANCEL. */
        void incoming(IncomingCall call);
    }

    /**
     * Who this user agent is.
     *
     * @param user the VTO number ({@code 8001})
     * @param domain the SIP domain ({@code VDP})
     * @param userAgent the User-Agent header value
     * @param trusted sources whose new INVITEs are taken and whose {@code P-Asserted-Identity} is believed
     */
    public record Identity(String user, String domain, String userAgent, Predicate<InetSocketAddress> trusted) {
        public Identity {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(trusted, "trusted");
        }

        /** The address-of-record {@code sip:8001@VDP}. */
        public String aor() {
            return "sip:" + user + "@" + domain;
        }
    }

    private final TransactionLayer layer;
    private final SipPaths paths;
    private final Executor sipThread;
    private final TimerScheduler scheduler;
    private volatile Identity identity;
    private final Listener listener;
    /** Calls by dialog id, early ones included (SIP thread only). */
    final Map<Dialog.Id, SipCall> dialogs = new HashMap<>();

    private final AtomicLong refused = new AtomicLong();

    /** {@code sipThread} runs tasks on the thread of {@code layer}, {@code paths} and {@code scheduler}. */
    public UserAgent(
            TransactionLayer layer,
            SipPaths paths,
            Executor sipThread,
            TimerScheduler scheduler,
            Identity identity,
            Listener listener) {
        this.layer = Objects.requireNonNull(layer, "layer");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.sipThread = Objects.requireNonNull(sipThread, "sipThread");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Whether {@code request} is for this user agent (see the class comment); cheap, for the router. */
    public static boolean isForMe(SipRequest request) {
        SipUri uri = request.sipRequestUri();
        return uri != null
                && MARK_VALUE.equals(uri.param(MARK))
                && !request.headers().contains(SipHeaderNames.ROUTE);
    }

    /** Takes the VTO number or domain of new settings (calls already set up keep theirs). */
    public void identity(Identity next) {
        this.identity = Objects.requireNonNull(next);
    }

    public Identity identity() {
        return identity;
    }

    /** This user agent's Contact URI for {@code kind}, marked {@code ;ua=openvto}. */
    public String contact(SipTransportKind kind) {
        String tp =
                kind == SipTransportKind.UDP ? "" : ";transport=" + kind.token().toLowerCase(java.util.Locale.ROOT);
        return "sip:" + identity.user() + "@" + paths.uriHost() + ":" + paths.port(kind) + tp + ";" + MARK + "="
                + MARK_VALUE;
    }

    /** Requests within dialogs refused (no dialog, out of order, untrusted INVITE), for metrics and tests. */
    public long refused() {
        return refused.get();
    }

    /**
     * Calls {@code to} (RFC 3261 §13.2.1): an INVITE to {@code requestUri} over {@code hop} with {@code sdp} as the
     * offer; a 401/407 is answered once with {@code username}/{@code password}. Returns at once; how it goes is
     * told to {@code listener}.
     */
    public OutgoingCall invite(
            String requestUri, SipHop hop, byte[] sdp, String username, String password, CallListener listener) {
        OutgoingCall call = new OutgoingCall(this, requestUri, hop, sdp, username, password, listener);
        run(call::start, () -> listener.failed(0, "the SIP stack is stopped"));
        return call;
    }

    // ---- shared by the calls (SIP thread) --------------------------------------------------------------------

    void run(Runnable task, Runnable ifStopped) {
        try {
            sipThread.execute(task);
        } catch (RejectedExecutionException stopped) {
            ifStopped.run();
        }
    }

    TransactionLayer layer() {
        return layer;
    }

    SipPaths paths() {
        return paths;
    }

    TimerScheduler scheduler() {
        return scheduler;
    }

    /** Adds Via (a fresh branch, RFC 3581 rport), Max-Forwards and User-Agent to a request going over {@code kind}. */
    void stamp(SipRequest r, SipTransportKind kind) {
        r.headers()
                .addFirst(
                        SipHeaderNames.VIA,
                        UserAgentClient.via(kind, paths.uriHost(), paths.port(kind), UserAgentClient.branch()));
        r.headers().set(SipHeaderNames.MAX_FORWARDS, "70");
        userAgentHeader(r);
    }

    /** A request outside a dialog from this user agent's address-of-record (§8.1.1), over {@code kind}. */
    SipRequest outOfDialog(
            String method, String requestUri, String to, UserAgentClient.Sequence seq, SipTransportKind kind) {
        SipRequest r = UserAgentClient.start(
                method,
                requestUri,
                to,
                identity.aor(),
                seq,
                paths.uriHost(),
                paths.port(kind),
                kind,
                UserAgentClient.branch());
        userAgentHeader(r);
        return r;
    }

    private void userAgentHeader(SipRequest r) {
        if (identity.userAgent() != null) {
            r.headers().set(SipHeaderNames.USER_AGENT, identity.userAgent());
        }
    }

    /** Sends a non-INVITE request within {@code dialog} (BYE) and tells {@code done} its final status (0: none). */
    void sendInDialog(Dialog dialog, String method, java.util.function.IntConsumer done) {
        SipHop hop = dialog.nextHop();
        if (hop == null) {
            done.accept(0);
            return;
        }
        SipRequest r = dialog.request(method, 0);
        stamp(r, hop.kind());
        r.headers().set(SipHeaderNames.CONTENT_LENGTH, "0");
        ClientTransaction tx = layer.newClient(r, hop.path(paths), new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction t, SipResponse response) {
                if (response.statusCode() >= 200) {
                    done.accept(response.statusCode());
                }
            }

            @Override
            public void onTimeout(ClientTransaction t, String reason) {
                done.accept(0);
            }
        });
        tx.start();
    }

    void register(Dialog.Id id, SipCall call) {
        dialogs.put(id, call);
    }

    void unregister(Dialog.Id id) {
        dialogs.remove(id);
    }

    // ---- the transaction user ---------------------------------------------------------------------------------

    @Override
    public void onRequest(SipRequest request, ServerTransactionHandle tx) {
        String method = request.method();
        if (tx == null) { // ACK for a 2xx (§13.3.1.4, §17.2.1: no transaction)
            SipCall call = dialogs.get(inDialogId(request));
            if (call instanceof IncomingCall in) {
                in.acked(request);
            }
            return;
        }
        if (request.toTag() != null) {
            inDialog(request, tx);
            return;
        }
        switch (method) {
            case SipMethod.INVITE -> newInvite(request, tx);
            case SipMethod.OPTIONS -> tx.respond(ok(request));
            default -> tx.respond(withTag(SipResponse.createFor(request, 481, "Call/Transaction Does Not Exist")));
        }
    }

    private void newInvite(SipRequest request, ServerTransactionHandle tx) {
        InetSocketAddress from = tx.peer();
        if (from == null || !identity.trusted().test(from)) {
            refused.incrementAndGet();
            SipResponse r = withTag(SipResponse.createFor(request, SipResponseStatus.FORBIDDEN));
            r.headers().add(SipHeaderNames.WARNING, warning("calls reach this VTO only through the SIP server"));
            tx.respond(r);
            return;
        }
        if (Dialog.asUas(request, "x") == null) {
            tx.respond(withTag(SipResponse.createFor(request, 400, "Missing Contact")));
            return;
        }
        IncomingCall call = new IncomingCall(this, request, tx, from);
        tx.attach(call);
        tx.respond(SipResponse.createFor(request, SipResponseStatus.TRYING));
        listener.incoming(call);
    }

    private void inDialog(SipRequest request, ServerTransactionHandle tx) {
        SipCall call = dialogs.get(inDialogId(request));
        if (call == null) {
            refused.incrementAndGet();
            tx.respond(SipResponse.createFor(request, 481, "Call/Transaction Does Not Exist")); // §12.2.2
            return;
        }
        if (!call.dialogFor(request).inOrder(request)) {
            refused.incrementAndGet();
            tx.respond(SipResponse.createFor(request, SipResponseStatus.SERVER_INTERNAL_ERROR)); // §12.2.2
            return;
        }
        switch (request.method()) {
            case SipMethod.BYE -> {
                tx.respond(ok(request)); // §15.1.2
                call.remoteBye(request);
            }
            case SipMethod.INFO -> {
                tx.respond(ok(request)); // RFC 6086 §4.2.2: the INFO is accepted, its content is the call's business
                call.info(request, tx.peer());
            }
            case SipMethod.OPTIONS -> tx.respond(ok(request));
            case SipMethod.INVITE -> call.reinvite(request, tx);
            default -> {
                SipResponse r = SipResponse.createFor(request, SipResponseStatus.METHOD_NOT_ALLOWED);
                r.headers().add(SipHeaderNames.ALLOW, ALLOW);
                tx.respond(r);
            }
        }
    }

    @Override
    public void onCancel(SipRequest cancel, ServerTransactionHandle invite) {
        if (invite.attachment() instanceof IncomingCall call) {
            call.cancelled(); // §9.2: the 200 for the CANCEL is sent; the INVITE gets 487
        }
    }

    /** The id of the dialog a request from the peer belongs to: its To tag is ours, its From tag theirs. */
    private static Dialog.Id inDialogId(SipRequest request) {
        return new Dialog.Id(request.callId(), request.toTag(), request.fromTag());
    }

    SipResponse ok(SipRequest request) {
        SipResponse r = SipResponse.createFor(request, SipResponseStatus.OK);
        r.headers().add(SipHeaderNames.ALLOW, ALLOW);
        return r;
    }

    private static SipResponse withTag(SipResponse r) {
        return r.withStableToTag();
    }

    /** A {@code Warning} value (§20.43): code 399 (miscellaneous), this host, the text. */
    String warning(String text) {
        return "399 " + paths.uriHost() + " \"" + text.replace("\"", "'") + "\"";
    }

    /** The base of both kinds of call, for the dispatch of requests within their dialogs. */
    abstract static sealed class SipCall permits OutgoingCall, IncomingCall {
        abstract Dialog dialogFor(SipRequest request);

        abstract void remoteBye(SipRequest bye);

        abstract void info(SipRequest info, InetSocketAddress source);

        abstract void reinvite(SipRequest invite, ServerTransactionHandle tx);
    }
}

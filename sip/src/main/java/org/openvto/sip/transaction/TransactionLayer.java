package org.openvto.sip.transaction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openvto.sip.codec.SipMethod;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipResponseStatus;
import org.openvto.sip.codec.SipVia;

/**
 * Matches messages to transactions (RFC 3261 §17.1.3 and §17.2.3), creates server transactions for new
 * requests, absorbs retransmissions, routes ACK for non-2xx and CANCEL to their INVITE transactions, and
 * hands everything else to the {@link TransactionUser}.
 *
 * <p>A server transaction is created when the transaction user first answers statefully, or when it returns
 * from {@link TransactionUser#onRequest} without having answered (a proxy still forwarding): a request the
 * user answers {@linkplain ServerTransactionHandle#respondStatelessly statelessly} (RFC 3261 §8.2.7, e.g. a
 * digest challenge) leaves no state behind at all, so floods of unauthenticated requests cost no memory
 * (§26.1.5).
 *
 * <p>Matching uses the RFC 3261 branch (magic cookie {@code z9hG4bK}); requests without it (RFC 2543
 * clients) are matched by Call-ID, CSeq, From tag and top Via instead (§17.2.3, simplified).
 *
 * <p>Threading: call {@link #receive} and the handles from one thread (the SIP event loop); the tables
 * are concurrent so that status queries may read them from elsewhere.
 */
public final class TransactionLayer {
    private final Map<String, Transaction> server = new ConcurrentHashMap<>();
    private final Map<String, ClientTransaction> client = new ConcurrentHashMap<>();
    private final TransactionTimers timers;
    private TransactionUser user;

    public TransactionLayer(TransactionTimers timers) {
        this.timers = timers;
    }

    public void setUser(TransactionUser user) {
        this.user = user;
    }

    public TransactionTimers timers() {
        return timers;
    }

    /** Live transactions (server, client), for metrics and tests. */
    public int[] sizes() {
        return new int[] {server.size(), client.size()};
    }

    /** A request from the network; {@code replyPath} sends back to where it came from. */
    public void receive(SipRequest request, TransactionContext replyPath) {
        String method = request.method();
        String key = serverKey(
                request, SipMethod.ACK.equals(method) || SipMethod.CANCEL.equals(method) ? SipMethod.INVITE : method);
        if (SipMethod.ACK.equals(method)) {
            Transaction invite = server.get(key);
            if (invite instanceof ServerInviteTransaction sit
                    && sit.state() != ServerInviteTransaction.State.ACCEPTED) {
                sit.handle(new TransactionEvent.RequestReceived(request)); // §17.2.3: ACK for non-2xx
            } else {
                user.onRequest(request, null); // ACK for 2xx: end-to-end, no transaction
            }
            return;
        }
        if (SipMethod.CANCEL.equals(method)) {
            cancel(request, replyPath, key);
            return;
        }
        Transaction existing = server.get(key);
        if (existing != null) {
            existing.handle(new TransactionEvent.RequestReceived(request)); // retransmission
            return;
        }
        Handle handle = new Handle(request, replyPath, key);
        user.onRequest(request, handle);
        handle.settle();
    }

    /** A response from the network. */
    public void receive(SipResponse response) {
        String branch = response.topViaBranch();
        var cseq = response.cseq();
        ClientTransaction tx = branch == null || cseq == null ? null : client.get(branch + "|" + cseq.method());
        if (tx == null) {
            user.onStrayResponse(response);
            return;
        }
        ((Transaction) tx).handle(new TransactionEvent.ResponseReceived(response));
    }

    /** Creates (but does not start) a client transaction for {@code request}, whose top Via has a fresh branch. */
    public ClientTransaction newClient(
            SipRequest request, TransactionContext path, ClientTransactionListener listener) {
        String key = request.topViaBranch() + "|" + request.method();
        Transaction tx = SipMethod.INVITE.equals(request.method())
                ? new ClientInviteTransaction(path, request, listener)
                : new ClientNonInviteTransaction(path, request, listener);
        client.put(key, (ClientTransaction) tx);
        tx.onTerminated(() -> client.remove(key));
        return (ClientTransaction) tx;
    }

    private void cancel(SipRequest cancel, TransactionContext replyPath, String inviteKey) {
        String cancelKey = serverKey(cancel, SipMethod.CANCEL);
        Transaction existing = server.get(cancelKey);
        if (existing != null) {
            existing.handle(new TransactionEvent.RequestReceived(cancel));
            return;
        }
        Handle cancelTx = new Handle(cancel, replyPath, cancelKey);
        Transaction invite = server.get(inviteKey);
        if (invite instanceof ServerInviteTransaction sit && sit.state() == ServerInviteTransaction.State.PROCEEDING) {
            cancelTx.respond(SipResponse.createFor(cancel, SipResponseStatus.OK)); // §9.2
            user.onCancel(cancel, (Handle) sit.attachment());
        } else {
            cancelTx.respond(SipResponse.createFor(cancel, SipResponseStatus.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
        }
    }

    private static final ServerTransactionListener NO_LISTENER = new ServerTransactionListener() {};

    private Transaction newServer(Handle handle) {
        SipRequest request = handle.request();
        Transaction tx = SipMethod.INVITE.equals(request.method())
                ? new ServerInviteTransaction(handle.replyPath, request, NO_LISTENER)
                : new ServerNonInviteTransaction(handle.replyPath, request, NO_LISTENER);
        String key = handle.key;
        server.put(key, tx);
        tx.attach(handle); // a CANCEL finds the INVITE's handle here (§9.2)
        tx.onTerminated(() -> server.remove(key, tx));
        return tx;
    }

    /** The transaction key of a request for {@code method}: branch + sent-by + method (§17.2.3). */
    static String serverKey(SipRequest request, String method) {
        SipVia via = request.topVia();
        String branch = via == null ? null : via.param("branch");
        if (branch != null && branch.startsWith(SipVia.MAGIC_COOKIE)) {
            return branch + "|" + via.sentBy() + "|" + method;
        }
        // RFC 2543 compatibility: no usable branch
        return "2543|" + request.callId() + "|"
                + (request.cseq() == null ? "" : request.cseq().number()) + "|" + request.fromTag() + "|"
                + (via == null ? "" : via.sentBy()) + "|" + method;
    }

    /**
     * The transaction user's view of a server transaction. The transaction itself exists from the first
     * stateful answer (or from {@link #settle} when the user has not answered yet); a stateless answer
     * sends and forgets.
     */
    private final class Handle implements ServerTransactionHandle {
        /** Until the transaction exists; then the transaction owns (and in time releases) the request. */
        private SipRequest request;

        private final TransactionContext replyPath;
        private final String key;
        private Transaction tx;
        private boolean answeredStatelessly;
        private Object attachment;

        Handle(SipRequest request, TransactionContext replyPath, String key) {
            this.request = request;
            this.replyPath = replyPath;
            this.key = key;
        }

        @Override
        public SipRequest request() {
            return tx != null ? tx.request() : request;
        }

        @Override
        public String id() {
            return key;
        }

        @Override
        public void respond(SipResponse response) {
            if (tx == null) {
                create();
            }
            tx.handle(new TransactionEvent.ResponseFromTu(response));
        }

        @Override
        public void respondStatelessly(SipResponse response) {
            if (tx != null || response.statusCode() < 200) {
                respond(response); // §8.2.7: a stateless UAS sends no provisional; once stateful, stay so
                return;
            }
            answeredStatelessly = true;
            replyPath.send(response);
        }

        @Override
        public void drop() {
            if (tx == null) {
                answeredStatelessly = true; // nothing to send, nothing to keep: settle() creates no transaction
            }
        }

        /** After the user's first look: keep state for a request it is still working on (retransmissions). */
        void settle() {
            if (tx == null && !answeredStatelessly) {
                create();
            }
        }

        private void create() {
            tx = newServer(this);
            request = null;
        }

        @Override
        public java.net.InetSocketAddress peer() {
            return replyPath.peer();
        }

        @Override
        public Object attachment() {
            return attachment;
        }

        @Override
        public void attach(Object attachment) {
            this.attachment = attachment;
        }
    }
}

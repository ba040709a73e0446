package org.openvto.sip.ua;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openvto.sip.codec.NameAddr;
import org.openvto.sip.codec.SipHeaderNames;
import org.openvto.sip.codec.SipMessage;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transport.SipHop;

/**
 * One dialog of the VTO's user agent (RFC 3261 §12): its id (Call-ID, local and remote tag), the local and remote
 * URIs, the remote target, the route set and both CSeq counters; it builds the requests sent within it (§12.2.1.1)
 * and checks the order of those received (§12.2.2). Early dialogs (from a provisional response with a To tag) and
 * confirmed ones are the same object; {@link #confirm} updates the remote target and route set from the 2xx
 * (§12.1.2, §13.2.2.4).
 *
 * <p>Threading: the SIP thread only. Limits: only loose routing ({@code ;lr}) route sets are followed as RFC 3261
 * asks; a strict router's first entry is used as the next hop (§12.2.1.1 strict-routing rewrite is not done).
 */
public final class Dialog {
    /** The dialog id (§12): Call-ID, local tag, remote tag. */
    public record Id(String callId, String localTag, String remoteTag) {}

    private final Id id;
    private final String localUri;
    private final String remoteUri;
    private String remoteTarget;
    private List<String> routeSet;
    private long localCseq;
    private long remoteCseq;

    private Dialog(
            Id id,
            String localUri,
            String remoteUri,
            String remoteTarget,
            List<String> routeSet,
            long localCseq,
            long remoteCseq) {
        this.id = id;
        this.localUri = localUri;
        this.remoteUri = remoteUri;
        this.remoteTarget = remoteTarget;
        this.routeSet = routeSet;
        this.localCseq = localCseq;
        this.remoteCseq = remoteCseq;
    }

    /**
     * §12.1.2: the UAC's dialog from a response with a To tag to {@code invite}: route set = Record-Route reversed,
     * remote target = the response's Contact, local CSeq = the INVITE's; null when the response has no To tag or no
     * usable Contact (a 2xx must have one, §13.3.1.4).
     */
    static Dialog asUac(SipRequest invite, SipResponse response) {
        String remoteTag = response.toTag();
        String target = contact(response);
        if (remoteTag == null || target == null) {
            return null;
        }
        List<String> routes = new ArrayList<>(response.headers().getAllSplit(SipHeaderNames.RECORD_ROUTE));
        Collections.reverse(routes);
        return new Dialog(
                new Id(invite.callId(), invite.fromTag(), remoteTag),
                invite.headers().get(SipHeaderNames.FROM),
                response.headers().get(SipHeaderNames.TO),
                target,
                routes,
                invite.cseq().number(),
                -1);
    }

    /**
     * §12.1.1: the UAS's dialog for {@code invite} answered with {@code localTag}: route set = Record-Route in
     * order, remote target = the INVITE's Contact, remote CSeq = the INVITE's; null without a usable Contact.
     */
    static Dialog asUas(SipRequest invite, String localTag) {
        String target = contact(invite);
        if (target == null) {
            return null;
        }
        String to = invite.headers().get(SipHeaderNames.TO);
        return new Dialog(
                new Id(invite.callId(), localTag, invite.fromTag()),
                to.contains(";tag=") ? to : to + ";tag=" + localTag,
                invite.headers().get(SipHeaderNames.FROM),
                target,
                new ArrayList<>(invite.headers().getAllSplit(SipHeaderNames.RECORD_ROUTE)),
                0,
                invite.cseq().number());
    }

    /** §13.2.2.4: the 2xx's Contact and Record-Route replace what an early dialog learned from a provisional. */
    void confirm(SipResponse ok) {
        String target = contact(ok);
        if (target != null) {
            remoteTarget = target;
        }
        List<String> routes = new ArrayList<>(ok.headers().getAllSplit(SipHeaderNames.RECORD_ROUTE));
        Collections.reverse(routes);
        routeSet = routes;
    }

    private static String contact(SipMessage m) {
        List<NameAddr> contacts = m.contacts();
        if (contacts == null || contacts.isEmpty() || contacts.get(0).sipUri() == null) {
            return null;
        }
        return contacts.get(0).uri();
    }

    public Id id() {
        return id;
    }

    /** The remote target (the peer's Contact URI). */
    public String remoteTarget() {
        return remoteTarget;
    }

    /**
     * A request within this dialog (§12.2.1.1) with a new CSeq (ACK takes the INVITE's, {@code ackCseq} &gt; 0):
     * Request-URI = remote target, Route = the route set, To with the remote tag, From with the local tag. The
     * caller adds Via, Max-Forwards, Contact and the body.
     */
    SipRequest request(String method, long ackCseq) {
        long cseq = ackCseq > 0 ? ackCseq : ++localCseq;
        SipRequest r = new SipRequest(method, remoteTarget);
        var h = r.headers();
        for (String route : routeSet) {
            h.add(SipHeaderNames.ROUTE, route);
        }
        h.add(SipHeaderNames.FROM, localUri);
        h.add(SipHeaderNames.TO, remoteUri);
        h.add(SipHeaderNames.CALL_ID, id.callId());
        h.add(SipHeaderNames.CSEQ, cseq + " " + method);
        return r;
    }

    /** Where requests within the dialog go: the first route (a loose router), else the remote target. */
    SipHop nextHop() {
        String next = routeSet.isEmpty() ? remoteTarget : routeSet.get(0);
        NameAddr addr = NameAddr.parse(next.startsWith("<") ? next : "<" + next + ">");
        SipUri uri = addr == null ? null : addr.sipUri();
        return SipHop.of(uri, null, null);
    }

    /**
     * §12.2.2: a request within the dialog must have a higher CSeq than the last one (ACK and CANCEL excepted,
     * they carry the INVITE's); false for one that is out of order, to be answered 500.
     */
    boolean inOrder(SipRequest request) {
        long n = request.cseq().number();
        if (remoteCseq >= 0 && n <= remoteCseq) {
            return false;
        }
        remoteCseq = n;
        return true;
    }
}

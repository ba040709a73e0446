package org.openvto.sip.transaction;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.openvto.sip.transport.SipPaths;
import org.openvto.sip.transport.SipTransportKind;

/**
 * A transport for transaction-user tests at {@code 10.0.0.1:5060} (no TLS): every {@link #pathTo} is a new {@link
 * RecordingContext} on the test's {@link FakeScheduler}, kept in {@link #paths} in order. Tests that route
 * differently override {@link #pathTo}.
 */
public class RecordingPaths implements SipPaths {
    public final List<RecordingContext> paths = new ArrayList<>();
    private final FakeScheduler scheduler;

    public RecordingPaths(FakeScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The last message sent on the last path. */
    public org.openvto.sip.codec.SipMessage last() {
        RecordingContext p = paths.get(paths.size() - 1);
        return p.sent.get(p.sent.size() - 1);
    }

    @Override
    public TransactionContext pathTo(InetSocketAddress target, SipTransportKind kind, InetSocketAddress flow) {
        RecordingContext path = new RecordingContext(kind.reliable(), scheduler, scheduler::nowMillis);
        paths.add(path);
        return path;
    }

    @Override
    public String host() {
        return "10.0.0.1";
    }

    @Override
    public String uriHost() {
        return "10.0.0.1";
    }

    @Override
    public int port() {
        return 5060;
    }

    @Override
    public int tlsPort() {
        return -1;
    }
}

package org.openvto.sip.stack;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openvto.sip.transaction.TimerScheduler;
import org.openvto.sip.transaction.TransactionLayer;
import org.openvto.sip.transaction.TransactionTimers;
import org.openvto.sip.transport.SipTransport;
import org.openvto.sip.transport.SipTransportConfig;

/**
 * One SIP port's machinery: the transports (UDP, and TCP/TLS when configured) and the RFC 3261 §17 transaction
 * layer, whose timers run on the transport's event loop. Any number of transaction users — the registrar, the
 * proxy, the VTO's own user agent — sit on one stack behind a {@link SipRouter}; they share its port.
 *
 * <p>Threading: every message, timer and transaction-user callback runs on the SIP event loop; {@link
 * #responsive} and {@link #close} may be called from any thread. Lifecycle: {@link #route} once, then
 * {@link #start} once; {@link #close} is idempotent and stops the timers with the transport.
 */
public final class SipStack implements AutoCloseable {
    private final TransactionLayer layer;
    private final SipTransport transport;

    public SipStack(SipTransportConfig transport, TransactionTimers timers) {
        this.layer = new TransactionLayer(timers);
        this.transport = new SipTransport(transport, layer);
    }

    /** Sets who gets the requests, CANCELs and stray responses; call before {@link #start}. */
    public void route(SipRouter router) {
        layer.setUser(router);
    }

    /** Binds the sockets; throws (and leaves nothing open) when a port cannot be bound. */
    public void start() throws InterruptedException {
        transport.start();
    }

    public TransactionLayer transactions() {
        return layer;
    }

    public SipTransport transport() {
        return transport;
    }

    /** The SIP event loop as a timer scheduler. */
    public TimerScheduler scheduler() {
        return transport.scheduler();
    }

    /** The UDP port (and the TCP one); TLS is the next port when configured. */
    public int port() {
        return transport.port();
    }

    /** Live server and client transactions, for metrics. */
    public int[] transactionCounts() {
        return layer.sizes();
    }

    /**
     * True when the SIP thread runs a task within {@code timeout}: false when it died (an Error escaped
     * Netty) or is stuck. All SIP work runs on that one thread, so a supervisor restarts the stack then.
     * Call from another thread.
     */
    public boolean responsive(Duration timeout) {
        var beat = new CompletableFuture<Void>();
        try {
            transport.execute(() -> beat.complete(null));
            beat.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}

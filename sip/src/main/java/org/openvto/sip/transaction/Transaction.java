package org.openvto.sip.transaction;

import java.time.Duration;
import org.openvto.sip.codec.SipRequest;

/**
 * Common part of the four RFC 3261 §17 transaction state machines: the original request, the timers and
 * the termination hook. Subclasses implement {@link #handle} as an exhaustive switch over their state
 * with the RFC section at each transition.
 *
 * <p>Not thread-safe: the transaction layer feeds one transaction from one thread (its event loop).
 */
public abstract sealed class Transaction
        permits ClientInviteTransaction,
                ClientNonInviteTransaction,
                ServerInviteTransaction,
                ServerNonInviteTransaction {
    protected final TransactionContext context;
    private SipRequest request;
    /**
     * The running timers: RFC 3261 §17 never runs more than two at once (A+B, E+F, G+H), and two fields cost
     * far less than a map in the tens of thousands of transactions that wait out Timers J, L and M.
     */
    private Armed first;

    private Armed second;
    private Runnable onTerminated = () -> {};
    private boolean done;
    private Object attachment;

    protected Transaction(TransactionContext context, SipRequest request) {
        this.context = context;
        this.request = request;
    }

    /** Feeds one event through the state machine. */
    public abstract void handle(TransactionEvent event);

    /** True once the machine reached Terminated. */
    public final boolean terminated() {
        return done;
    }

    /** The transaction user's own data (e.g. the proxy branch this transaction belongs to). */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    /** The request that created this transaction; {@code null} once released after completion. */
    public SipRequest request() {
        return request;
    }

    /**
     * Lets go of the request once nothing needs it any more (a completed non-INVITE server transaction only
     * retransmits its last response): at high REGISTER rates tens of thousands of such transactions wait
     * out Timer J, and the requests were half of their memory.
     */
    protected final void releaseRequest() {
        request = null;
    }

    /** Called once when the transaction terminates (the layer removes it from its table). */
    void onTerminated(Runnable hook) {
        this.onTerminated = hook;
    }

    protected final void start(TimerName name, Duration delay) {
        stop(name);
        Armed armed = new Armed(this, name);
        if (first == null) {
            first = armed;
        } else if (second == null) {
            second = armed;
        } else {
            throw new IllegalStateException("a third timer at once: " + name); // §17: at most two run together
        }
        armed.scheduled = context.scheduler().schedule(delay, armed);
    }

    /**
     * A scheduled timer that lets go of its transaction when cancelled: a scheduler may keep a cancelled task
     * until its deadline (Timer B and F are 32 s), and through it the whole transaction with its messages.
     */
    private static final class Armed implements Runnable {
        private Transaction owner;
        private final TimerName name;
        private TimerScheduler.Handle scheduled;

        Armed(Transaction owner, TimerName name) {
            this.owner = owner;
            this.name = name;
        }

        @Override
        public void run() {
            Transaction t = owner;
            if (t != null) {
                owner = null;
                t.forget(this);
                t.handle(new TransactionEvent.TimerFired(name));
            }
        }

        void cancel() {
            owner = null;
            if (scheduled != null) {
                scheduled.cancel();
            }
        }
    }

    private void forget(Armed armed) {
        if (first == armed) {
            first = null;
        } else if (second == armed) {
            second = null;
        }
    }

    protected final void stop(TimerName name) {
        Armed armed =
                first != null && first.name == name ? first : second != null && second.name == name ? second : null;
        if (armed != null) {
            forget(armed);
            armed.cancel();
        }
    }

    protected final void stopAll() {
        Armed a = first;
        Armed b = second;
        first = null;
        second = null;
        if (a != null) {
            a.cancel();
        }
        if (b != null) {
            b.cancel();
        }
    }

    protected final void finish() {
        done = true;
        stopAll();
        onTerminated.run();
    }
}

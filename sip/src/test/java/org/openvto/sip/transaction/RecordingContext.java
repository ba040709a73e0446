package org.openvto.sip.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.openvto.sip.codec.SipMessage;

/** A {@link TransactionContext} for tests: records what is sent (and when, on the test's clock). */
public final class RecordingContext implements TransactionContext {
    /** Everything sent, in order. */
    public final List<SipMessage> sent = new ArrayList<>();
    /** The test clock's time of each send, in milliseconds. */
    public final List<Long> sentAt = new ArrayList<>();

    /** The peer this path reports ({@link #peer()}); null unless a test sets it. */
    public java.net.InetSocketAddress peer;

    private final boolean reliable;
    private final TimerScheduler scheduler;
    private final LongSupplier now;

    public RecordingContext(boolean reliable, TimerScheduler scheduler, LongSupplier nowMillis) {
        this.reliable = reliable;
        this.scheduler = scheduler;
        this.now = nowMillis;
    }

    @Override
    public boolean send(SipMessage message) {
        sent.add(message);
        sentAt.add(now.getAsLong());
        return true;
    }

    @Override
    public java.net.InetSocketAddress peer() {
        return peer;
    }

    @Override
    public boolean reliable() {
        return reliable;
    }

    @Override
    public TransactionTimers timers() {
        return TransactionTimers.DEFAULT;
    }

    @Override
    public TimerScheduler scheduler() {
        return scheduler;
    }
}

package org.openvto.media.rtsp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.openvto.media.h264.H264Packetizer;
import org.openvto.media.rtp.RtpSequencer;
import org.openvto.media.rtp.SenderReport;
import org.openvto.media.rtsp.Transport;
import org.openvto.media.video.AccessUnit;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.StreamKind;
import org.openvto.media.video.ViewerGate;

/**
 * One RTSP session (RFC 2326 §3.1, server state machine Appendix A.2) with one video track.
 *
 * <p>Threading: state changes run on the connection's event loop; {@link #deliver} runs on the source's thread (or
 * the event loop for the GOP replay, under the stream's lock). Both touch the sequencer, so they synchronise on
 * this session; neither blocks.
 */
final class RtspSession {
    /** Appendix A.2: Init (no SETUP yet) is not a session; a session exists from SETUP on. */
    enum State {
        READY,
        PLAYING,
        CLOSED
    }

    static final int MAX_PAYLOAD = 1400;

    final String id;
    final StreamKind kind;
    final String presentation;
    final Channel connection;
    final Transport transport;
    final InetSocketAddress rtpPeer; // UDP only
    final InetSocketAddress rtcpPeer; // UDP only
    private final RtspServerCore core;
    private final RtpTrack video;
    private final ViewerGate gate = new ViewerGate();
    private volatile State state = State.READY;
    private volatile long lastSeenNanos;
    private EncodedStream.Subscription subscription;
    private long droppedReported;

    RtspSession(
            String id,
            StreamKind kind,
            String presentation,
            Channel connection,
            Transport transport,
            RtspServerCore core,
            RandomGenerator random) {
        this.id = id;
        this.kind = kind;
        this.presentation = presentation;
        this.connection = connection;
        this.transport = transport;
        this.core = core;
        this.video = new RtpTrack(0, transport, connection, core.udp().rtpChannel(), 96, 90_000, random);
        this.rtpPeer = video.rtpPeer;
        this.rtcpPeer = video.rtcpPeer;
        touch();
    }

    State state() {
        return state;
    }

    void touch() {
        lastSeenNanos = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - lastSeenNanos;
    }

    /** PLAY in Ready or Playing (A.2); returns {@code seq} for RTP-Info. Caller writes the response first. */
    synchronized int nextSequence() {
        return video.sequencer.nextSequence();
    }

    /** Ready → Playing: subscribes; the GOP cache is replayed at once, live pictures follow. */
    void play(EncodedStream stream) {
        if (state != State.READY) {
            return; // PLAY while playing only refreshes the session (A.2: Playing --PLAY--> Playing)
        }
        state = State.PLAYING;
        subscription = stream.subscribe(this::deliver);
    }

    /** Playing → Ready (A.2 PAUSE). */
    void pause() {
        if (state == State.PLAYING) {
            state = State.READY;
            unsubscribe();
        }
    }

    /** Any state → closed (A.2 TEARDOWN, connection lost, timeout); idempotent; frees the stream slot once. */
    void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        unsubscribe();
        core.sessionClosed(this);
    }

    private void unsubscribe() {
        EncodedStream.Subscription s = subscription;
        subscription = null;
        if (s != null) {
            s.close();
        }
    }

    /**
     * One picture from the stream: queued for this viewer's event loop with its own sequence numbers and timestamp
     * (the payloads are packetised once per stream and shared), or dropped when this viewer's queue is full.
     */
    synchronized void deliver(AccessUnit unit) {
        if (state != State.PLAYING) {
            return;
        }
        boolean room = rtpPeer != null || connection.isWritable();
        if (!gate.admit(unit, room)) {
            long dropped = gate.dropped();
            core.dropped(dropped - droppedReported);
            droppedReported = dropped;
            return;
        }
        H264Packetizer.Packed packed = core.packed(kind, unit);
        RtpSequencer seq = video.sequencer;
        int first = seq.reserve(packed.count(), packed.data().length - 0L);
        video.lastMicros = unit.micros();
        video.lastMicrosAtNanos = System.nanoTime();
        core.outbox(video.loop()).add(new Outbox.Entry(video, packed, first, seq.timestamp(unit.micros()), true));
    }

    /** An RTCP sender report (RFC 3550 §6.4.1) for what was sent so far; none before the first packet. */
    synchronized void sendReport(Instant now) {
        if (state != State.PLAYING || video.lastMicros < 0) {
            return;
        }
        RtpSequencer sequencer = video.sequencer;
        long micros = video.lastMicros + (System.nanoTime() - video.lastMicrosAtNanos) / 1000;
        byte[] sr = new SenderReport(
                        sequencer.ssrc(),
                        now,
                        sequencer.timestamp(micros),
                        sequencer.packets(),
                        sequencer.octets(),
                        core.cname())
                .encode();
        if (transport instanceof Transport.Interleaved i) {
            if (connection.isWritable()) {
                ByteBuf buf = connection.alloc().buffer(4 + sr.length);
                buf.writeByte('$')
                        .writeByte(i.rtcpChannel())
                        .writeShort(sr.length)
                        .writeBytes(sr);
                connection.writeAndFlush(buf, connection.voidPromise());
            }
        } else {
            core.udp().sendRtcp(sr, rtcpPeer);
        }
    }

    boolean ownsRtcpChannel(int channel) {
        return transport instanceof Transport.Interleaved i && i.rtcpChannel() == channel;
    }
}

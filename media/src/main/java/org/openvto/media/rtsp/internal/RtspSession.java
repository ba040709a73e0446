package org.openvto.media.rtsp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.openvto.media.audio.AudioFrame;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.h264.H264Packetizer;
import org.openvto.media.rtp.RtpSequencer;
import org.openvto.media.rtsp.Transport;
import org.openvto.media.video.AccessUnit;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.StreamKind;
import org.openvto.media.video.ViewerGate;

/**
 * One RTSP session (RFC 2326 §3.1, server state machine Appendix A.2) with a video track (trackID=0) and, when the
 * stream has a microphone, an audio track (trackID=1), each set up by its own SETUP.
 *
 * <p>Threading: state changes run on the connection's event loop; {@link #deliver} runs on the video source's
 * thread (or the event loop for the GOP replay, under the stream's lock), {@link #deliverAudio} on the audio
 * source's. They touch the sequencers, so they synchronise on this session; none blocks.
 */
final class RtspSession {
    /** Appendix A.2: Init (no SETUP yet) is not a session; a session exists from SETUP on. */
    enum State {
        READY,
        PLAYING,
        CLOSED
    }

    static final int MAX_PAYLOAD = 1400;
    static final int VIDEO = 0;
    static final int AUDIO = 1;

    final String id;
    final StreamKind kind;
    final String presentation;
    final Channel connection;
    private final RtspServerCore core;
    private final RandomGenerator random;
    private volatile RtpTrack video; // set up on the event loop, read by the sources after PLAY
    private volatile RtpTrack audio;
    private final ViewerGate gate = new ViewerGate();
    private volatile State state = State.READY;
    private volatile long lastSeenNanos;
    private EncodedStream.Subscription subscription;
    private AudioSource.Subscription audioSubscription;
    private boolean audioMarker = true; // the first audio packet starts a talkspurt (RFC 3551 §4.1)
    private long droppedReported;

    RtspSession(
            String id,
            StreamKind kind,
            String presentation,
            Channel connection,
            RtspServerCore core,
            RandomGenerator random) {
        this.id = id;
        this.kind = kind;
        this.presentation = presentation;
        this.connection = connection;
        this.core = core;
        this.random = random;
        touch();
    }

    /** SETUP of one track; on the event loop, before PLAY. Returns false when that track is set up already. */
    boolean addTrack(int track, Transport transport) {
        if (track == VIDEO && video == null) {
            video = new RtpTrack(VIDEO, transport, connection, core.udp().rtpChannel(), 96, 90_000, random);
            return true;
        }
        if (track == AUDIO && audio == null) {
            audio = new RtpTrack(
                    AUDIO,
                    transport,
                    connection,
                    core.udp().rtpChannel(),
                    AudioSource.PAYLOAD_TYPE,
                    AudioSource.CLOCK_RATE,
                    random);
            return true;
        }
        return false;
    }

    private List<RtpTrack> tracks() {
        List<RtpTrack> out = new ArrayList<>(2);
        if (video != null) {
            out.add(video);
        }
        if (audio != null) {
            out.add(audio);
        }
        return out;
    }

    /** Whether any track goes over UDP (such a session times out without requests or RTCP). */
    boolean udp() {
        for (RtpTrack t : tracks()) {
            if (t.rtpPeer != null) {
                return true;
            }
        }
        return false;
    }

    /** The client's RTCP addresses of the UDP tracks. */
    List<InetSocketAddress> rtcpPeers() {
        List<InetSocketAddress> out = new ArrayList<>(2);
        for (RtpTrack t : tracks()) {
            if (t.rtcpPeer != null) {
                out.add(t.rtcpPeer);
            }
        }
        return out;
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

    /** For PLAY's {@code RTP-Info} (RFC 2326 §12.33): each track's URL and next sequence number. */
    synchronized String rtpInfo() {
        StringBuilder b = new StringBuilder();
        for (RtpTrack t : tracks()) {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append("url=")
                    .append(presentation)
                    .append("/trackID=")
                    .append(t.id)
                    .append(";seq=")
                    .append(t.sequencer.nextSequence());
        }
        return b.toString();
    }

    /** Ready → Playing: subscribes; the GOP cache is replayed at once, live pictures (and audio) follow. */
    void play(EncodedStream stream, Optional<AudioSource> microphone) {
        if (state != State.READY) {
            return; // PLAY while playing only refreshes the session (A.2: Playing --PLAY--> Playing)
        }
        state = State.PLAYING;
        if (video != null) {
            subscription = stream.subscribe(this::deliver);
        }
        if (audio != null && microphone.isPresent()) {
            audioSubscription = microphone.get().subscribe(this::deliverAudio);
        }
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
        AudioSource.Subscription a = audioSubscription;
        audioSubscription = null;
        if (a != null) {
            a.close();
        }
    }

    /**
     * One picture from the stream: queued for this viewer's event loop with its own sequence numbers and timestamp
     * (the payloads are packetised once per stream and shared), or dropped when this viewer's queue is full.
     */
    synchronized void deliver(AccessUnit unit) {
        RtpTrack t = video;
        if (state != State.PLAYING || t == null) {
            return;
        }
        boolean room = t.rtpPeer != null || connection.isWritable();
        if (!gate.admit(unit, room)) {
            long dropped = gate.dropped();
            core.dropped(dropped - droppedReported);
            droppedReported = dropped;
            return;
        }
        H264Packetizer.Packed packed = core.packed(kind, unit);
        // a replayed picture was captured a while ago: the media clock runs from then, for the sender reports
        send(t, packed, unit.micros(), unit.capturedNanos() != 0 ? unit.capturedNanos() : System.nanoTime(), true);
    }

    /** One 20 ms audio frame: queued like a picture; dropped (alone) when the viewer's queue is full. */
    synchronized void deliverAudio(AudioFrame frame) {
        RtpTrack t = audio;
        if (state != State.PLAYING || t == null) {
            return;
        }
        if (t.rtpPeer == null && !connection.isWritable()) {
            return; // a stalled TCP viewer: its pictures are dropped to the next key frame, its audio frame by frame
        }
        send(t, core.packedAudio(kind, frame), frame.micros(), System.nanoTime(), audioMarker);
        audioMarker = false;
    }

    /**
     * Queues the packets of one picture or audio frame; the track's very first ones are preceded by a sender report,
     * so a client maps each track to wall-clock time from its first packet on (ffmpeg otherwise jumps its
     * timestamps when the first periodic report arrives).
     */
    private void send(RtpTrack t, H264Packetizer.Packed packed, long micros, long capturedNanos, boolean markLast) {
        RtpSequencer seq = t.sequencer;
        t.lastMicros = micros;
        t.lastMicrosAtNanos = capturedNanos;
        Outbox outbox = core.outbox(t.loop());
        if (seq.packets() == 0) {
            byte[] sr = senderReport(t, core.clock.instant());
            if (t.rtpPeer == null) {
                outbox.addRtcp(t, sr);
            } else {
                core.udp().sendRtcp(sr, t.rtcpPeer);
            }
        }
        int first = seq.reserve(packed.count(), packed.data().length);
        outbox.add(new Outbox.Entry(t, packed, first, seq.timestamp(micros), markLast));
    }

    /** An RTCP sender report (RFC 3550 §6.4.1) per track for what was sent so far; none before its first packet. */
    synchronized void sendReport(Instant now) {
        if (state != State.PLAYING) {
            return;
        }
        for (RtpTrack t : tracks()) {
            if (t.lastMicros >= 0) {
                sendReport(t, now);
            }
        }
    }

    private byte[] senderReport(RtpTrack t, Instant now) {
        RtpSequencer sequencer = t.sequencer;
        long micros = t.lastMicros + (System.nanoTime() - t.lastMicrosAtNanos) / 1000;
        return sequencer.senderReport(now, micros, core.cname()).encode();
    }

    private void sendReport(RtpTrack t, Instant now) {
        byte[] sr = senderReport(t, now);
        if (t.rtpPeer == null) {
            if (connection.isWritable()) {
                ByteBuf buf = connection.alloc().buffer(4 + sr.length);
                buf.writeByte('$')
                        .writeByte(t.rtcpChannel)
                        .writeShort(sr.length)
                        .writeBytes(sr);
                connection.writeAndFlush(buf, connection.voidPromise());
            }
        } else {
            core.udp().sendRtcp(sr, t.rtcpPeer);
        }
    }

    boolean ownsRtcpChannel(int channel) {
        for (RtpTrack t : tracks()) {
            if (t.rtpPeer == null && t.rtcpChannel == channel) {
                return true;
            }
        }
        return false;
    }
}

package org.openvto.media.rtsp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openvto.media.h264.H264Packetizer;
import org.openvto.media.rtp.RtpPacket;

/**
 * The RTP packets waiting for one event loop: the sources' threads queue a picture once per viewer (the payloads
 * shared, packetised once per stream) and the loop writes them all in one task, then flushes each channel it wrote
 * to once. However many viewers a loop serves, a picture costs it one wake-up, not one per viewer.
 *
 * <p>Each write is one pooled buffer: for an interleaved viewer the whole picture ({@code $}, channel, length, the
 * 12-byte RTP header and the payload, per packet), for a UDP viewer one datagram per packet.
 */
final class Outbox implements Runnable {
    /** One picture (or audio frame) for one track of one session, with the header fields it takes. */
    record Entry(RtpTrack track, H264Packetizer.Packed packed, int firstSequence, long timestamp, boolean markLast) {}

    /** An RTCP packet for an interleaved track, kept in order with its RTP packets. */
    private record Rtcp(RtpTrack track, byte[] packet) {}

    private final EventLoop loop;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Set<Channel> touched = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Channel> toFlush = new ArrayList<>();

    Outbox(EventLoop loop) {
        this.loop = loop;
    }

    /** From any thread; the entries of one track are written in the order they were added. */
    void add(Entry entry) {
        queue.add(entry);
        schedule();
    }

    /** An RTCP packet on an interleaved track's RTCP channel, after the RTP packets added before it. */
    void addRtcp(RtpTrack interleaved, byte[] packet) {
        queue.add(new Rtcp(interleaved, packet));
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }

    @Override
    public void run() {
        scheduled.set(false); // an add from now on schedules another run: nothing is left behind
        Object next;
        while ((next = queue.poll()) != null) {
            Channel channel = next instanceof Entry e ? write(e) : write((Rtcp) next);
            if (touched.add(channel)) {
                toFlush.add(channel);
            }
        }
        for (Channel c : toFlush) {
            c.flush();
        }
        toFlush.clear();
        touched.clear();
    }

    private static Channel write(Rtcp r) {
        Channel ch = r.track().connection;
        ByteBuf buf = ch.alloc().directBuffer(4 + r.packet().length);
        buf.writeByte('$').writeByte(r.track().rtcpChannel).writeShort(r.packet().length);
        ch.write(buf.writeBytes(r.packet()), ch.voidPromise());
        return ch;
    }

    private static Channel write(Entry e) {
        RtpTrack t = e.track();
        H264Packetizer.Packed p = e.packed();
        int n = p.count();
        if (t.rtpPeer == null) {
            Channel ch = t.connection;
            ByteBuf buf = ch.alloc().directBuffer(n * (4 + RtpPacket.HEADER) + p.data().length);
            for (int i = 0; i < n; i++) {
                int len = p.lengths()[i];
                buf.writeByte('$').writeByte(t.rtpChannel).writeShort(RtpPacket.HEADER + len);
                header(buf, e, i, n);
                buf.writeBytes(p.data(), p.offsets()[i], len);
            }
            ch.write(buf, ch.voidPromise());
            return ch;
        }
        Channel ch = t.udp;
        for (int i = 0; i < n; i++) {
            int len = p.lengths()[i];
            ByteBuf buf = ch.alloc().directBuffer(RtpPacket.HEADER + len);
            header(buf, e, i, n);
            buf.writeBytes(p.data(), p.offsets()[i], len);
            ch.write(new DatagramPacket(buf, t.rtpPeer), ch.voidPromise());
        }
        return ch;
    }

    /** RFC 3550 §5.1: V=2, no padding, extension or CSRC; M, PT; sequence; timestamp; SSRC. */
    private static void header(ByteBuf buf, Entry e, int i, int n) {
        RtpTrack t = e.track();
        boolean marker = e.markLast() && i == n - 1;
        buf.writeByte(0x80)
                .writeByte((marker ? 0x80 : 0) | t.payloadType)
                .writeShort((e.firstSequence() + i) & 0xFFFF)
                .writeInt((int) e.timestamp())
                .writeInt((int) t.ssrc);
    }
}

package org.openvto.media.call.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;
import org.openvto.media.h264.H264Packetizer;

/**
 * Writes datagrams from any thread without waiting: the buffers are allocated and written on the channel's event
 * loop, in one task per call, then flushed once. A closed channel fails the writes and Netty releases the buffers;
 * a loop that has shut down never runs the task, so nothing was allocated.
 */
final class RtpWriter {
    private RtpWriter() {}

    /** The RTP header fields one picture or audio packet shares. */
    record Header(int payloadType, long ssrc, int firstSequence, long timestamp, boolean markLast) {}

    /** RFC 3550 §5.1 packets: one per payload of {@code packed}, consecutive sequence numbers, the marker on the last. */
    static void rtp(Channel ch, InetSocketAddress to, H264Packetizer.Packed packed, Header h) {
        onLoop(ch, () -> {
            int n = packed.count();
            for (int i = 0; i < n; i++) {
                int len = packed.lengths()[i];
                ByteBuf buf = ch.alloc().directBuffer(12 + len);
                boolean marker = h.markLast() && i == n - 1;
                buf.writeByte(0x80) // V=2, no padding, extension or CSRC
                        .writeByte((marker ? 0x80 : 0) | h.payloadType())
                        .writeShort((h.firstSequence() + i) & 0xFFFF)
                        .writeInt((int) h.timestamp())
                        .writeInt((int) h.ssrc())
                        .writeBytes(packed.data(), packed.offsets()[i], len);
                ch.write(new DatagramPacket(buf, to), ch.voidPromise());
            }
            ch.flush();
        });
    }

    /** One datagram (an RTCP compound packet). */
    static void datagram(Channel ch, InetSocketAddress to, byte[] data) {
        onLoop(ch, () -> {
            ByteBuf buf = ch.alloc().directBuffer(data.length).writeBytes(data);
            ch.writeAndFlush(new DatagramPacket(buf, to), ch.voidPromise());
        });
    }

    private static void onLoop(Channel ch, Runnable task) {
        try {
            ch.eventLoop().execute(task);
        } catch (RejectedExecutionException shutDown) {
            // the application stopped the loops: the call's media is over, nothing to send
        }
    }
}

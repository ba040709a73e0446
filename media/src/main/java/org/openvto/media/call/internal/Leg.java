package org.openvto.media.call.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.openvto.media.call.CallStats;
import org.openvto.media.rtp.ReceiverReport;
import org.openvto.media.rtp.RtpSequencer;

/**
 * One media of one party: our RTP stream to it (RFC 3550 §5.1 sequencer), its stream to us (reception statistics,
 * §6.4.1), and what the RTCP reports said either way. Guarded by the call's lock.
 */
final class Leg {
    final InetSocketAddress rtp;
    final InetSocketAddress rtcp;
    final RtpSequencer sequencer;
    final ReceptionStats in;
    private long lastMicros = -1; // media time of the last packet sent
    private Instant lastSentAt;
    private long reportsSent;
    private long reportsReceived;
    private ReceiverReport.Block remote; // the last block about our stream

    Leg(InetSocketAddress rtp, InetSocketAddress rtcp, int payloadType, int clockRate, RandomGenerator random) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.sequencer = new RtpSequencer(payloadType, clockRate, random);
        this.in = new ReceptionStats(clockRate);
    }

    /** Takes the sequence numbers of {@code count} packets sent now for media time {@code micros}. */
    RtpWriter.Header sending(int count, long octets, long micros, Instant now, boolean markLast) {
        int first = sequencer.reserve(count, octets);
        lastMicros = micros;
        lastSentAt = now;
        return new RtpWriter.Header(
                sequencer.payloadType(), sequencer.ssrc(), first, sequencer.timestamp(micros), markLast);
    }

    /** An RTCP compound packet of ours (§6.1 receiver reports' blocks and SDES CNAME in each). */
    byte[] report(Instant now, String cname) {
        List<ReceiverReport.Block> blocks = in.started() ? List.of(in.block(now)) : List.of();
        reportsSent++;
        if (sequencer.packets() == 0) {
            return new ReceiverReport(sequencer.ssrc(), blocks).encode(cname); // §6.4.2: not (yet) a sender
        }
        // §6.4.1: the RTP timestamp of the same instant as the NTP one, extrapolated from the last packet
        long micros = lastMicros + Duration.between(lastSentAt, now).toNanos() / 1000;
        return sequencer.senderReport(now, micros, cname).encode(blocks);
    }

    /** The party's compound RTCP packet: sender reports of its stream, blocks about ours. */
    void received(List<ReceiverReport> reports, Instant now) {
        reportsReceived++;
        for (ReceiverReport r : reports) {
            if (r.fromSender()) {
                in.senderReport(r.reporter(), r.senderNtpMiddle(), now);
            }
            for (ReceiverReport.Block b : r.blocks()) {
                if (b.ssrc() == sequencer.ssrc()) {
                    remote = b;
                }
            }
        }
    }

    boolean sent() {
        return sequencer.packets() > 0;
    }

    CallStats.LegStats stats() {
        return new CallStats.LegStats(
                sequencer.packets(),
                sequencer.octets(),
                in.received(),
                in.octets(),
                in.lost(),
                in.jitter(),
                reportsSent,
                reportsReceived,
                remote == null ? -1 : remote.fractionLost(),
                remote == null ? 0 : remote.cumulativeLost(),
                remote == null ? 0 : remote.jitter());
    }
}

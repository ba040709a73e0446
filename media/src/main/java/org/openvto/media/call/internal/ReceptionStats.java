package org.openvto.media.call.internal;

import java.time.Instant;
import org.openvto.media.rtp.ReceiverReport;

/**
 * What we know of one stream we receive, for its reception report block (RFC 3550 §6.4.1): the extended highest
 * sequence number with its wrap count (§A.1), packets expected and lost (§A.3), the interarrival jitter (§A.8) and
 * the last sender report from its source (for LSR/DLSR). A sender that restarts its sequence (a jump of more than
 * {@link #MAX_DROPOUT}, confirmed by the next packet, §A.1) starts the counts afresh.
 *
 * <p>Not thread-safe: the call's lock guards it.
 */
public final class ReceptionStats {
    static final int MAX_DROPOUT = 3000;
    static final int MAX_MISORDER = 100;
    private static final int SEQ_MOD = 1 << 16;

    private final int clockRate;
    private boolean started;
    private long ssrc;
    private int maxSeq;
    private long cycles;
    private long baseSeq;
    private int badSeq = SEQ_MOD + 1;
    private long received;
    private long octets;
    private long expectedPrior;
    private long receivedPrior;
    private long transit;
    private boolean haveTransit;
    private double jitter;
    private long lastSr; // middle 32 bits of the last SR's NTP time, 0 for none
    private Instant lastSrArrival;

    public ReceptionStats(int clockRate) {
        this.clockRate = clockRate;
    }

    /** A valid RTP packet of the stream, arrived at {@code arrival}. */
    public void packet(long packetSsrc, int seq, long rtpTimestamp, int payloadOctets, Instant arrival) {
        if (!started || packetSsrc != ssrc) {
            init(packetSsrc, seq);
        } else if (!sequence(seq)) {
            return;
        }
        received++;
        octets += payloadOctets;
        long arrivalUnits =
                arrival.getEpochSecond() * clockRate + (long) arrival.getNano() * clockRate / 1_000_000_000L;
        long t = arrivalUnits - rtpTimestamp;
        if (haveTransit) {
            long d = Math.abs((int) (t - transit)); // the timestamp wraps at 32 bits
            jitter += (d - jitter) / 16.0; // §A.8: J += (|D| − J) / 16
        }
        transit = t;
        haveTransit = true;
    }

    private void init(long packetSsrc, int seq) {
        started = true;
        ssrc = packetSsrc;
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        octets = 0;
        expectedPrior = 0;
        receivedPrior = 0;
        haveTransit = false;
        jitter = 0;
    }

    /** §A.1 update_seq without probation: whether the packet counts. */
    private boolean sequence(int seq) {
        int delta = (seq - maxSeq) & 0xFFFF;
        if (delta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD; // wrapped
            }
            maxSeq = seq;
        } else if (delta <= SEQ_MOD - MAX_MISORDER) {
            if (seq == badSeq) {
                long keep = ssrc;
                init(keep, seq); // two packets in a row: the sender restarted
            } else {
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
        }
        // else a duplicate or a reordered packet: counted, the maximum stays
        return true;
    }

    /** A sender report from the stream's source (§6.4.1 LSR: its NTP time's middle 32 bits, and when it came). */
    public void senderReport(long reporterSsrc, long ntpMiddle, Instant arrival) {
        if (started && reporterSsrc == ssrc) {
            lastSr = ntpMiddle;
            lastSrArrival = arrival;
        }
    }

    public boolean started() {
        return started;
    }

    public long ssrc() {
        return ssrc;
    }

    public long received() {
        return received;
    }

    public long octets() {
        return octets;
    }

    public long extendedMax() {
        return cycles + maxSeq;
    }

    /** §A.3: expected − received, which duplicates can make negative. */
    public long lost() {
        return started ? extendedMax() - baseSeq + 1 - received : 0;
    }

    public long jitter() {
        return (long) jitter;
    }

    /** The report block for the next report, and the interval counts it covers restart (§A.3 fraction lost). */
    public ReceiverReport.Block block(Instant now) {
        long expected = extendedMax() - baseSeq + 1;
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long dlsr = 0;
        if (lastSrArrival != null) {
            long nanos = java.time.Duration.between(lastSrArrival, now).toNanos();
            dlsr = Math.max(0, nanos) * 65_536 / 1_000_000_000L; // in 1/65,536 s
        }
        int cumulative = (int) Math.max(-0x800000, Math.min(0x7FFFFF, lost()));
        return new ReceiverReport.Block(
                ssrc, Math.min(fraction, 255), cumulative, extendedMax() & 0xFFFFFFFFL, jitter(), lastSr, dlsr);
    }
}

package org.openvto.media.call.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-delay playout buffer for one received audio stream: packets are put back in sequence-number order and
 * played {@code targetMillis} after the first of a talkspurt arrived, one every {@code packetMillis}.
 *
 * <ul>
 *   <li><b>Late.</b> A packet whose sequence number was already played past (RFC 3550 §A.1 serial order) is dropped
 *       and counted.
 *   <li><b>Duplicate.</b> A packet already buffered is dropped and counted.
 *   <li><b>Loss.</b> At its playout time a missing packet is given up (counted, a {@link Out.Lost} for the sink)
 *       when later ones are waiting.
 *   <li><b>Underrun.</b> When the buffer runs dry (the sender paused, or a burst was lost) playout stops and the next
 *       packet starts it again {@code targetMillis} later; the sequence numbers skipped meanwhile count as lost. So
 *       the delay stays at its target instead of growing with each gap.
 *   <li><b>Jump.</b> A packet more than {@link #CAPACITY} ahead (the sender restarted its sequence) restarts the
 *       buffer from it.
 * </ul>
 *
 * <p>Time is passed in (milliseconds of any monotonic clock), so it is tested without a clock. Not thread-safe: the
 * call's lock guards it.
 */
public final class JitterBuffer {
    /** Packets held at most (1.28 s of 20 ms packets); a power of two, so slots follow sequence numbers across a wrap. */
    static final int CAPACITY = 64;

    private final int targetMillis;
    private final int packetMillis;
    private final Held[] slots = new Held[CAPACITY]; // payloads by sequence number modulo the capacity
    private final int[] slotSequence = new int[CAPACITY];
    private int buffered;
    private boolean known; // a first packet was seen: next is meaningful
    private boolean playing;
    private int next; // the sequence number to play next
    private long playAt; // when next is due
    private long played;
    private long lost;
    private long late;
    private long duplicates;

    /** What playout yields at a tick. */
    public sealed interface Out {
        record Packet(int payloadType, byte[] payload) implements Out {}

        record Lost() implements Out {}
    }

    private record Held(int payloadType, byte[] payload) {}

    public JitterBuffer(int targetMillis, int packetMillis) {
        if (targetMillis < 0 || packetMillis <= 0) {
            throw new IllegalArgumentException("target ≥ 0 and packet time > 0 ms");
        }
        this.targetMillis = targetMillis;
        this.packetMillis = packetMillis;
    }

    /** A received packet at {@code nowMillis}. */
    public void offer(int sequence, int payloadType, byte[] payload, long nowMillis) {
        if (!known) {
            known = true;
            next = sequence;
        }
        int ahead = (short) (sequence - next); // −32768…32767 in serial order
        if (ahead < 0) {
            late++;
            return;
        }
        if (ahead >= CAPACITY) {
            restart(sequence);
            ahead = 0;
        }
        if (!playing) {
            playing = true;
            playAt = nowMillis + targetMillis;
            lost += ahead; // (after an underrun) never came before the buffer ran dry
            next = sequence;
        }
        int slot = sequence & (CAPACITY - 1);
        if (slots[slot] != null && slotSequence[slot] == sequence) {
            duplicates++;
            return;
        }
        slots[slot] = new Held(payloadType, payload);
        slotSequence[slot] = sequence;
        buffered++;
    }

    private void restart(int sequence) {
        java.util.Arrays.fill(slots, null);
        buffered = 0;
        playing = false;
        next = sequence;
    }

    /** What is due by {@code nowMillis}, in playout order (empty before the target delay or after an underrun). */
    public List<Out> poll(long nowMillis) {
        List<Out> out = new ArrayList<>(2);
        while (playing && nowMillis >= playAt) {
            if (buffered == 0) {
                playing = false; // underrun: the next packet restarts playout after the target delay
                break;
            }
            int slot = next & (CAPACITY - 1);
            if (slots[slot] != null && slotSequence[slot] == next) {
                Held h = slots[slot];
                slots[slot] = null;
                buffered--;
                played++;
                out.add(new Out.Packet(h.payloadType(), h.payload()));
            } else {
                lost++;
                out.add(new Out.Lost());
            }
            next = (next + 1) & 0xFFFF;
            playAt += packetMillis;
        }
        return out;
    }

    public long played() {
        return played;
    }

    public long lost() {
        return lost;
    }

    public long late() {
        return late;
    }

    public long duplicates() {
        return duplicates;
    }
}

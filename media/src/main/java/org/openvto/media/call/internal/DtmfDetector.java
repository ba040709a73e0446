package org.openvto.media.call.internal;

/**
 * One key press per RFC 4733 event, from the stream of packets a sender repeats (§2.5.1): every packet of one event
 * carries the event's timestamp — the start packet (marker bit, §2.5.1.2), the updates, the three end packets
 * (§2.5.1.4) and retransmissions — so a key is reported the first time its timestamp is seen and never again. A new
 * timestamp is a new event, except the next segment of a long event (§2.5.1.5: same code, no marker, the previous
 * segment not ended). A timestamp older than the last event's (a late packet of a past event) is ignored.
 *
 * <p>Not thread-safe: one per party, used on the thread that receives its packets.
 */
public final class DtmfDetector {
    private boolean seen;
    private long timestamp;
    private int event;
    private boolean ended;

    /** The key this packet starts, or 0 when it belongs to an event already reported (or is not a key). */
    public char packet(long rtpTimestamp, boolean marker, TelephoneEvent e) {
        if (seen && rtpTimestamp == timestamp) {
            ended |= e.end();
            return 0;
        }
        if (seen && (int) (rtpTimestamp - timestamp) < 0) {
            return 0; // serial-number order (RFC 3550 §5.1): from before the last event
        }
        boolean nextSegment = seen && !marker && !ended && e.event() == event;
        seen = true;
        timestamp = rtpTimestamp;
        event = e.event();
        ended = e.end();
        return nextSegment ? 0 : e.key();
    }
}

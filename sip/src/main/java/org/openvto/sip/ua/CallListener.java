package org.openvto.sip.ua;

/**
 * How one call of the VTO's user agent goes ({@link OutgoingCall}, {@link IncomingCall}). Called on the SIP thread:
 * implementations must not block (hand work to their own thread). Exactly one of {@link #failed} or {@link #ended}
 * ends every call, once.
 */
public interface CallListener {
    /**
     * An outgoing call's device is ringing: a provisional response with a To tag (an early dialog, RFC 3261
     * §13.2.2.1) from {@code leg}; {@code sdp} its SDP answer when it carried one (early media, RFC 3960), else null.
     * A forked call reports each device that rings.
     */
    default void early(CallLeg leg, int status, byte[] sdp) {}

    /**
     * The call is set up with {@code leg}: the 2xx of an outgoing call (with its SDP answer, or null when it had
     * none), or the ACK of an incoming one that was answered (with the ACK's body, usually null).
     */
    void answered(CallLeg leg, byte[] sdp);

    /**
     * The call never came about: {@code status} the final response (4xx–6xx) or 0 for none (Timer B, a transport
     * error); {@code reason} for the record ("486 Busy Here", "no answer: Timer B").
     */
    void failed(int status, String reason);

    /** A set-up call ended, or a ringing one was cancelled: {@code byRemote} when the other side did it. */
    void ended(boolean byRemote, String reason);

    /** An INFO within the call from {@code leg} (answered 200 already): DTMF relay and the like. */
    default void info(CallLeg leg, String contentType, byte[] body) {}
}

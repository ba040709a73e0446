package org.openvto.call;

/**
 * What the calls feature asks of SIP; the app implements it with the VTO's own user agent (RFC 3261 UAC and UAS).
 * The domain never sees SIP messages: it names calls by the {@code callId} it chose (outgoing) or was given
 * (incoming, {@link CallSignal.Incoming}), and learns how they go from {@link CallSignal}s.
 *
 * <p>Threading and failure: every method may be called from any thread, returns at once (the work is queued to the
 * SIP thread) and never throws; whatever goes wrong later comes back as {@link CallSignal.Failed} or {@link
 * CallSignal.Ended} for that {@code callId}. A call id the signalling does not know is ignored.
 */
public interface CallSignalling {
    /**
     * Starts a call to {@code number}: a room ({@code 101}, which the SIP server forks to the master and every
     * extension), a VTO ({@code 8002}) or the management centre ({@code 888888}). The call's signals carry {@code
     * callId}.
     */
    void dial(String callId, String number);

    /**
     * Ends a call in whatever state it is: CANCEL before an answer (RFC 3261 §9.1), BYE after (§15.1), a final
     * {@code 487} to an incoming call not yet answered. Ends with {@link CallSignal.Ended} (by {@code "vto"}).
     */
    void hangUp(String callId);

    /** Answers the incoming call {@code callId} (a monitor session from an indoor monitor): 200 OK with media. */
    void answer(String callId);

    /** Refuses the incoming call {@code callId} with {@code status} (486 Busy Here) and a {@code Warning} text. */
    void refuse(String callId, int status, String warning);
}

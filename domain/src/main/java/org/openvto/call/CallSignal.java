package org.openvto.call;

/**
 * What SIP tells the calls feature about a call (see {@link CallSignalling}). Devices are named by their SIP user
 * ({@code 101#1}, {@code 8002}, {@code 888888}). Delivered by the app from the SIP thread to the calls feature,
 * which queues them to its own thread: whoever delivers must not wait for them to be handled.
 */
public sealed interface CallSignal {
    String callId();

    /**
     * A device of an outgoing call is ringing (180 or 183); {@code earlyMedia} when its response carried SDP and the
     * VTO already sends it video (the resident sees the visitor before answering).
     */
    record Ringing(String callId, String device, boolean earlyMedia) implements CallSignal {}

    /** {@code device} answered (2xx): the call is talking with it; the other devices of a group call stop ringing. */
    record Answered(String callId, String device) implements CallSignal {}

    /**
     * The call ended after it was set up or while it rang: {@code by} is the device that hung up (BYE or CANCEL) or
     * {@code "vto"}; {@code reason} says how ("BYE", "CANCEL", "no RTP for 30 s").
     */
    record Ended(String callId, String by, String reason) implements CallSignal {}

    /**
     * An outgoing call got no answer at all: a final response ({@code status} 4xx–6xx: 486 busy, 404 no such room,
     * 488 no common codec), or none ({@code status} 0: timeout, transport error, not registered); {@code reason}
     * says it for the record.
     */
    record Failed(String callId, int status, String reason) implements CallSignal {}

    /** {@code from} calls the VTO's own number (guide 4.3.2: Monitor > Door on the indoor monitor). */
    record Incoming(String callId, String from) implements CallSignal {}

    /**
     * DTMF digits from {@code device}, a party of call {@code callId}; {@code via} is {@code rfc4733}, {@code
     * info-dtmf-relay} or {@code info-dtmf} (SIP INFO, application/dtmf-relay or application/dtmf).
     */
    record Dtmf(String callId, String device, String digits, String via) implements CallSignal {}
}

package org.openvto.sip.proxy;

/**
 * A dialog's identity (RFC 3261 §12): Call-ID plus the caller's From tag and the callee's To tag. The
 * proxy sees requests in both directions; a callee's request names the tags the other way round
 * ({@link #reversed}).
 */
public record DialogId(String callId, String callerTag, String calleeTag) {
    /** The same dialog named from the other side: the key under which a callee's request finds it. */
    DialogId reversed() {
        return new DialogId(callId, calleeTag, callerTag);
    }
}

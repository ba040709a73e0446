package org.openvto.sip.transaction;

/** The timers of RFC 3261 §17 (Table 4) and RFC 6026 (L, M). */
public enum TimerName {
    /** INVITE client: request retransmission (unreliable). */
    A,
    /** INVITE client: transaction timeout. */
    B,
    /** INVITE client: wait for response retransmissions in Completed. */
    D,
    /** Non-INVITE client: request retransmission (unreliable). */
    E,
    /** Non-INVITE client: transaction timeout. */
    F,
    /** Non-INVITE client: wait for response retransmissions in Completed. */
    K,
    /** INVITE server: final response retransmission (unreliable). */
    G,
    /** INVITE server: wait for ACK. */
    H,
    /** INVITE server: wait for ACK retransmissions in Confirmed. */
    I,
    /** Non-INVITE server: wait for request retransmissions in Completed. */
    J,
    /** INVITE server (RFC 6026): absorb INVITE retransmissions after a 2xx in Accepted. */
    L,
    /** INVITE client (RFC 6026): accept further 2xx in Accepted. */
    M
}

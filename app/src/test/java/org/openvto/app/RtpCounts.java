package org.openvto.app;

/** RTP packets a test peer sent and received in a call, as the peer itself reported them. */
record RtpCounts(long sent, long received) {
    boolean bothWays() {
        return sent > 0 && received > 0;
    }
}

package org.openvto.testkit.peers;

/** RTP packets a test peer sent and received in a call, as the peer itself reported them. */
public record RtpCounts(long sent, long received) {
    public boolean bothWays() {
        return sent > 0 && received > 0;
    }
}

package org.openvto.media.sdp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.openvto.media.h264.H264Fmtp;
import org.openvto.media.sdp.Connection;
import org.openvto.media.sdp.Direction;
import org.openvto.media.sdp.MediaSection;
import org.openvto.media.sdp.Negotiated;
import org.openvto.media.sdp.Sdp;

/** A {@link Negotiated.Leg} from our section and theirs once the formats are chosen; the same for offer and answer. */
public final class Legs {
    private Legs() {}

    /** A leg, or why the stream cannot run. */
    public sealed interface Outcome {
        record Built(Negotiated.Leg leg) implements Outcome {}

        record Declined(String reason) implements Outcome {}
    }

    /** Why the remote's stream cannot be sent to, or empty: its protocol and its address (RFC 8866 §5.7). */
    public static Optional<String> unusable(Sdp remoteSdp, MediaSection remote) {
        if (!remote.protocol().equals("RTP/AVP") && !remote.protocol().equals("RTP/AVPF")) {
            return Optional.of(remote.describe() + ": " + remote.protocol() + " is not supported (RTP/AVP or RTP/AVPF"
                    + " only: no SRTP, no DTLS)");
        }
        Optional<Connection> c = remoteSdp.connection(remote);
        Optional<InetAddress> ip = c.flatMap(Connection::literal);
        if (ip.isEmpty()) {
            return Optional.of(remote.describe() + ": c="
                    + c.map(Connection::format).orElse("") + " is not an IP address (names are not resolved)");
        }
        if (ip.get().isMulticastAddress()) {
            return Optional.of(remote.describe() + ": multicast c=" + c.get().format() + " is not supported");
        }
        if (rtcp(remote, ip.get()).isEmpty()) {
            return Optional.of(remote.describe() + ": no usable RTCP address (a=rtcp names none, or no port + 1)");
        }
        return Optional.empty();
    }

    /**
     * The leg of our section {@code local} (in {@code localSdp}) against the remote's, after {@link #unusable} said
     * nothing. {@code wanted} is what we meant to do on this stream before the remote's direction was known.
     */
    public static Negotiated.Leg build(
            Sdp localSdp,
            MediaSection local,
            Sdp remoteSdp,
            MediaSection remote,
            Direction wanted,
            Choice choice,
            int receivePayloadType,
            OptionalInt receiveEvent) {
        Connection c = remoteSdp.connection(remote).orElseThrow();
        InetAddress ip = c.literal().orElseThrow();
        InetSocketAddress rtp = new InetSocketAddress(ip, remote.port());
        boolean mux = local.rtcpMux() && remote.rtcpMux();
        InetSocketAddress rtcp = mux ? rtp : rtcp(remote, ip).orElseThrow();
        Direction ours = localSdp.direction(local);
        Direction theirs = remoteSdp.direction(remote);
        boolean unspecified = c.isUnspecified();
        Direction direction =
                Direction.of(ours.sends() && theirs.receives() && !unspecified, ours.receives() && theirs.sends());
        Optional<H264Fmtp> h264 = choice.remote().map().is("H264", 90000)
                ? H264Fmtp.parse(choice.remote().fmtp().orElse(""))
                : Optional.empty();
        return new Negotiated.Leg(
                remote.protocol(),
                rtp,
                rtcp,
                mux,
                choice.remote().map(),
                receivePayloadType,
                Format.payloadType(choice.remoteEvent()),
                receiveEvent,
                remote.ptime().orElse(20),
                h264.map(f -> OptionalInt.of(f.packetizationMode())).orElse(OptionalInt.empty()),
                h264.map(H264Fmtp::profileLevelId),
                direction,
                wanted.sends() && (unspecified || !theirs.receives()));
    }

    /** RFC 3605 {@code a=rtcp}, else the RTP port + 1 (RFC 3550 §11). */
    private static Optional<InetSocketAddress> rtcp(MediaSection remote, InetAddress rtpAddress) {
        if (remote.rtcp().isPresent()) {
            var r = remote.rtcp().get();
            Optional<InetAddress> ip =
                    r.address().isPresent() ? r.address().get().literal() : Optional.of(rtpAddress);
            return ip.map(a -> new InetSocketAddress(a, r.port()));
        }
        return remote.port() < 65535
                ? Optional.of(new InetSocketAddress(rtpAddress, remote.port() + 1))
                : Optional.empty();
    }
}

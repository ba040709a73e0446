/**
 * The real SIP peers that integration tests drive, as process handles that are {@link java.lang.AutoCloseable}
 * (except SIPp, which runs to its end):
 * {@link org.openvto.testkit.peers.Linphone} ({@code linphonec} through its command pipe, with a {@link
 * org.openvto.testkit.peers.PulseNull} audio device), {@link org.openvto.testkit.peers.Baresip} (its JSON control
 * socket), {@link org.openvto.testkit.peers.Sipp} (one SIPp client run) and {@link
 * org.openvto.testkit.peers.PacketCapture} ({@code dumpcap}/{@code tshark}), over a {@link
 * org.openvto.testkit.peers.PeerTransport}. They know SIP peers, not OpenVTO: any module's tests can point them at
 * a SIP server on loopback. They run the installed programs (Debian: linphone-cli, baresip, pulseaudio, sip-tester,
 * tshark). Each instance is used by one test thread; starting waits for the peer with a {@link
 * org.openvto.testkit.Deadline}, never a fixed pause.
 */
package org.openvto.testkit.peers;

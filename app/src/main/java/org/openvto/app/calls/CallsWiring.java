package org.openvto.app.calls;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openvto.access.Credential;
import org.openvto.call.CallSignal;
import org.openvto.call.CallTargets;
import org.openvto.call.Calls;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeOutputs;
import org.openvto.household.Installation;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.call.CallMedia;
import org.openvto.media.call.LevelMeteringSink;
import org.openvto.media.h264.H264Fmtp;
import org.openvto.media.sdp.MediaCapabilities;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.StreamSlots;
import org.openvto.records.CallRecord;
import org.openvto.records.CallSnapshots;
import org.openvto.records.RecordStore;
import org.openvto.sip.codec.SipUri;
import org.openvto.sip.transport.SipHop;
import org.openvto.sip.ua.CallListener;
import org.openvto.sip.ua.OutgoingCall;
import org.openvto.sip.ua.UserAgent;

/**
 * The VTO's own calls, composed: the domain's {@link Calls} (state machine, records, prompts, DTMF unlock), the SIP
 * side ({@link SipCallSignalling} over the SIP server's user agent) and each call's media ({@link CallSession}:
 * {@link CallMedia} with the camera stream, the microphone and the device-wide stream limit shared with RTSP).
 * Closes in reverse order of opening.
 */
public final class CallsWiring implements AutoCloseable {
    /** What the calls need from the SIP server while it runs. */
    public interface Sip {
        Optional<UserAgent> userAgent();

        /** The server's own address to send the VTO's calls to ({@code 127.0.0.1:5060}). */
        String serverAddress();

        /** The device whose Contact is {@code contact}, else the contact. */
        String device(String contact);

        /** This VTO's register password (its VTO list entry). */
        Optional<String> password();

        /** Gets the calls to the VTO's number from now on. */
        void listen(UserAgent.Listener listener);

        /** Which numbers are rooms and VTOs of the building (from memory: called on the calls thread). */
        CallTargets targets();
    }

    /** The camera and microphone the calls send. */
    public record Sources(
            Supplier<EncodedStream> video, Supplier<Optional<AudioSource>> microphone, StreamSlots slots) {}

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final Calls calls;
    private final LevelMeteringSink speaker;

    public CallsWiring(
            CallConfig config,
            Installation installation,
            Sip sip,
            Sources sources,
            String bindAddress,
            FacadeOutputs outputs,
            Consumer<List<String>> display,
            Consumer<Credential.Dtmf> unlock,
            RecordStore<CallRecord> records,
            CallSnapshots snapshots,
            Supplier<Optional<byte[]>> camera,
            EventBus bus,
            Clock clock) {
        EventLoopGroup loops =
                new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("call-media"), NioIoHandler.newFactory());
        opened.push(() -> loops.shutdownGracefully().syncUninterruptibly());
        ScheduledExecutorService mediaTimers = Executors.newSingleThreadScheduledExecutor(daemon("call-media-timer"));
        opened.push(mediaTimers::shutdownNow);
        ScheduledExecutorService callsThread = Executors.newSingleThreadScheduledExecutor(daemon("calls"));
        opened.push(callsThread::shutdown);
        Executor io = task -> Thread.ofVirtual().name("calls-io").start(task);
        this.speaker = new LevelMeteringSink();
        // a door station without a microphone configured still talks: silence, so that the RTP flows (guide 1.2)
        org.openvto.media.audio.ToneSource silence = org.openvto.media.audio.ToneSource.silence();
        opened.push(silence);
        var runtime = new CallMedia.Runtime(loops, mediaTimers, clock, new SecureRandom());
        InetAddress local = mediaAddress(bindAddress);
        Calls[] self = new Calls[1];
        SipCallSignalling.Media media = (callId, dtmf) -> {
            EncodedStream video = sources.video().get(); // the stream the settings name now
            var callMedia = CallMedia.open(
                    new CallMedia.Config(
                            local,
                            config.mediaFirstPort(),
                            config.mediaLastPort(),
                            "vto-" + installation.device().current().vtoNumber() + "@" + local.getHostAddress(),
                            java.time.Duration.ofSeconds(5),
                            40,
                            1200),
                    new CallMedia.Sources(
                            video, sources.microphone().get().or(() -> Optional.of(silence)), sources.slots()),
                    runtime,
                    (peer, digit) -> dtmf.accept(new CallSignal.Dtmf(callId, peer, String.valueOf(digit), "rfc4733")),
                    speaker);
            return new CallSession(
                    callMedia, capabilities(video), runtime.random().nextLong(1, Long.MAX_VALUE));
        };
        SipCallSignalling signalling = new SipCallSignalling(line(sip, installation), media, s -> self[0].signal(s));
        this.calls = new Calls(
                bus,
                signalling,
                outputs,
                display,
                config::settings,
                sip.targets(),
                unlock,
                records,
                snapshots,
                camera,
                clock,
                callsThread,
                io);
        self[0] = calls;
        opened.push(calls);
        sip.listen(signalling);
    }

    /**
     * What the door station offers: PCMU, PCMA, telephone-event, and H.264 in the camera's profile when its stream
     * has started (its SPS says which); RTP and RTCP on separate ports (no rtcp-mux: {@link CallMedia} keeps them
     * apart).
     */
    static MediaCapabilities capabilities(EncodedStream video) {
        Optional<String> profile =
                video.format().map(f -> H264Fmtp.of(f.sps(), f.pps()).profileLevelId());
        MediaCapabilities door = MediaCapabilities.doorStation(profile.or(() -> Optional.of("42e01f")));
        return new MediaCapabilities(door.audio(), door.telephoneEvent(), door.ptime(), door.video(), false);
    }

    private static SipCallSignalling.Line line(Sip sip, Installation installation) {
        return new SipCallSignalling.Line() {
            @Override
            public Optional<UserAgent> userAgent() {
                return sip.userAgent();
            }

            @Override
            public OutgoingCall dial(UserAgent ua, String number, byte[] sdp, CallListener listener) {
                String domain = installation.sipServer().current().domain();
                SipHop hop = SipHop.of(SipUri.parse("sip:" + sip.serverAddress()), null, null);
                return ua.invite(
                        "sip:" + number + "@" + domain,
                        hop,
                        sdp,
                        installation.device().current().vtoNumber(),
                        sip.password().orElse(""),
                        listener);
            }

            @Override
            public String device(String contact) {
                return sip.device(contact);
            }
        };
    }

    private static InetAddress mediaAddress(String bindAddress) {
        try {
            InetAddress a = InetAddress.getByName(bindAddress);
            return a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a;
        } catch (java.net.UnknownHostException e) {
            throw new org.openvto.config.ConfigException("http.bind-address", "is not an IP address: " + bindAddress);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public Calls calls() {
        return calls;
    }

    /** The speaker's level meter (a null sink on a PC): the last second's received audio. */
    public LevelMeteringSink speaker() {
        return speaker;
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(CallsWiring.class).warn("closing the calls: {}", e.toString());
            }
        }
    }
}

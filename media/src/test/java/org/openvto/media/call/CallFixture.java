package org.openvto.media.call;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.BindException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.StreamSlots;
import org.openvto.testkit.Ports;
import org.openvto.testkit.netty.NettyLeaks;

/** One event loop, a free even port range on loopback, and the calls a test opened (closed after it). */
final class CallFixture implements AutoCloseable {
    static final String CNAME = "vto-8001@127.0.0.1";

    final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    final StreamSlots slots = new StreamSlots(6);
    final List<CallMedia> calls = new ArrayList<>();
    final List<Peer> peers = new ArrayList<>();
    final int firstPort = evenFreeBlock(8);
    RandomGenerator random = new SecureRandom();

    /**
     * Random SSRCs and sequence numbers, but a report-interval factor of exactly 1 (RFC 3550 §6.3.1 draws it from
     * 0.5…1.5): reports fall due at 5 s, 10 s… of a manual scheduler.
     */
    static RandomGenerator meanIntervals() {
        SplittableRandom ids = new SplittableRandom();
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return ids.nextLong();
            }

            @Override
            public double nextDouble() {
                return 0.5;
            }
        };
    }

    /** An even port with {@code n} free ports from it, below the ephemeral range. */
    static int evenFreeBlock(int n) {
        int[] bases = new int[n];
        for (int i = 0; i < n; i++) {
            bases[i] = i;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            int base = Ports.freeOffset(bases);
            if (base % 2 == 0) {
                return base;
            }
        }
        throw new IllegalStateException("no even free port block");
    }

    CallMedia.Config config() {
        return new CallMedia.Config(
                InetAddress.getLoopbackAddress(), firstPort, firstPort + 7, CNAME, Duration.ofSeconds(5), 40, 1200);
    }

    CallMedia open(
            CallMedia.Config config,
            EncodedStream video,
            Optional<AudioSource> microphone,
            ScheduledExecutorService scheduler,
            Clock clock,
            DtmfListener dtmf,
            AudioSink speaker)
            throws BindException {
        CallMedia call = CallMedia.open(
                config,
                new CallMedia.Sources(video, microphone, slots),
                new CallMedia.Runtime(group, scheduler, clock, random),
                dtmf,
                speaker);
        calls.add(call);
        return call;
    }

    Peer peer() throws java.io.IOException {
        return peer(InetAddress.getLoopbackAddress());
    }

    Peer peer(InetAddress address) throws java.io.IOException {
        Peer p = new Peer(address);
        peers.add(p);
        return p;
    }

    @Override
    public void close() {
        calls.forEach(CallMedia::close);
        peers.forEach(Peer::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * Once per test class ({@code @AfterAll}): Netty reports a leak with the same access records only once, so the
     * leak check's sentinel, leaked from the same place after every test of a class, is seen after the first test
     * only and each further check would wait out its 10 s. The leaks of all the class's tests are found at the end.
     */
    static void assertNoLeaks() {
        NettyLeaks.assertNone();
    }
}

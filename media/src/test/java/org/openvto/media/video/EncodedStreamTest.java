package org.openvto.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EncodedStreamTest {
    /** A source driven by the test: {@link #emit} hands a unit to the sink it was started with. */
    static final class ManualSource implements VideoSource {
        Consumer<AccessUnit> sink;
        int starts;
        int stops;
        boolean closed;

        @Override
        public void start(Consumer<AccessUnit> s) {
            sink = s;
            starts++;
        }

        @Override
        public void stop() {
            stops++;
        }

        void emit(long micros, boolean key) {
            sink.accept(new AccessUnit(List.of(new byte[] {key ? (byte) 0x65 : (byte) 0x41}), micros, key, 0));
        }

        @Override
        public Optional<StreamFormat> format() {
            return Optional.empty();
        }

        @Override
        public SourceStatus status() {
            return new SourceStatus(SourceStatus.State.IDLE, "", Instant.EPOCH, 0, 0);
        }

        @Override
        public Optional<byte[]> snapshotJpeg() {
            return Optional.empty();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final ManualSource first = new ManualSource();
    private final EncodedStream stream = new EncodedStream(first);
    private final List<AccessUnit> seen = new ArrayList<>();

    @Test
    void startsOnTheFirstViewerAndStopsAfterTheLast() {
        assertThat(first.starts).isZero();
        var a = stream.subscribe(seen::add);
        var b = stream.subscribe(u -> {});
        assertThat(first.starts).isEqualTo(1);
        a.close();
        assertThat(first.stops).isZero();
        b.close();
        b.close();
        assertThat(first.stops).isEqualTo(1);
    }

    @Test
    void aNewViewerGetsTheCachedGroupOfPicturesFromItsKeyFrame() {
        stream.subscribe(u -> {});
        first.emit(0, false); // before any key frame: not cached
        first.emit(100_000, true);
        first.emit(200_000, false);
        stream.subscribe(seen::add);
        assertThat(seen).extracting(AccessUnit::micros).containsExactly(100_000L, 200_000L);
    }

    @Test
    void aReplacedSourceHandsItsViewersToTheNewOneWithTimestampsGoingOn() {
        stream.subscribe(seen::add);
        first.emit(0, true);
        first.emit(100_000, false);
        ManualSource second = new ManualSource();
        Consumer<AccessUnit> staleSink = first.sink;

        stream.replaceSource(second);

        assertThat(first.stops).isEqualTo(1);
        assertThat(first.closed).isTrue();
        assertThat(second.starts).as("started at once: it has a viewer").isEqualTo(1);
        staleSink.accept(new AccessUnit(List.of(new byte[] {0x41}), 150_000, false, 0));
        second.emit(5_000, true);
        second.emit(105_000, false);
        assertThat(seen)
                .extracting(AccessUnit::micros)
                .containsExactly(0L, 100_000L, 200_000L, 300_000L)
                .isSorted();
        assertThat(stream.source()).isSameAs(second);
    }

    @Test
    void aReplacedSourceWithoutViewersIsNotStartedUntilSomeoneWatches() {
        ManualSource second = new ManualSource();
        stream.replaceSource(second);
        assertThat(second.starts).isZero();
        stream.subscribe(seen::add);
        assertThat(second.starts).isEqualTo(1);
        assertThat(first.starts).isZero();
    }

    @Test
    void theCacheOfTheOldSourceIsNotReplayedAfterASwitch() {
        stream.subscribe(u -> {});
        first.emit(0, true);
        stream.replaceSource(new ManualSource());
        stream.subscribe(seen::add);
        assertThat(seen).isEmpty();
    }

    @Test
    void aViewerThatThrowsIsRemovedAndTheOthersGoOn() {
        stream.subscribe(u -> {
            throw new IllegalStateException("broken");
        });
        stream.subscribe(seen::add);
        first.emit(0, true);
        first.emit(100_000, false);
        assertThat(seen).hasSize(2);
        assertThat(stream.viewers()).isEqualTo(1);
    }
}

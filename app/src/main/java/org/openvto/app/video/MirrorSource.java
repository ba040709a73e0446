package org.openvto.app.video;

import java.util.Optional;
import java.util.function.Consumer;
import org.openvto.media.video.AccessUnit;
import org.openvto.media.video.EncodedStream;
import org.openvto.media.video.SourceStatus;
import org.openvto.media.video.StreamFormat;
import org.openvto.media.video.VideoSource;

/**
 * The sub stream when the external encoder or relayed camera has one stream only: the main stream's pictures, as
 * one more viewer of it (so the main source runs while either stream is watched). Units reach the sink on the main
 * source's thread.
 */
final class MirrorSource implements VideoSource {
    private final EncodedStream main;
    private EncodedStream.Subscription subscription; // guarded by this

    MirrorSource(EncodedStream main) {
        this.main = main;
    }

    @Override
    public synchronized void start(Consumer<AccessUnit> sink) {
        if (subscription == null) {
            subscription = main.subscribe(sink);
        }
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public Optional<StreamFormat> format() {
        return main.format();
    }

    @Override
    public SourceStatus status() {
        SourceStatus s = main.source().status();
        String detail = "the main stream's pictures" + (s.detail().isEmpty() ? "" : "; " + s.detail());
        return new SourceStatus(s.state(), detail, s.since(), s.measuredFps(), s.restarts());
    }

    @Override
    public Optional<byte[]> snapshotJpeg() {
        return main.source().snapshotJpeg();
    }

    @Override
    public double cpuPercent() {
        return 0; // the main stream's source does the work
    }

    @Override
    public void close() {
        stop();
    }
}

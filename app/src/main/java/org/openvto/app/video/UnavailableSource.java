package org.openvto.app.video;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.openvto.media.video.AccessUnit;
import org.openvto.media.video.SourceStatus;
import org.openvto.media.video.StreamFormat;
import org.openvto.media.video.VideoSource;

/**
 * A stream whose stored settings cannot run here (an external command while the configuration file no longer allows
 * commands): it produces nothing and says why in its status, {@code FAILED}, until the settings change. Viewers stay
 * connected and get pictures once a working source replaces it.
 */
final class UnavailableSource implements VideoSource {
    private final String reason;
    private final Instant since;

    UnavailableSource(String reason, Instant since) {
        this.reason = reason;
        this.since = since;
    }

    @Override
    public void start(Consumer<AccessUnit> sink) {}

    @Override
    public void stop() {}

    @Override
    public Optional<StreamFormat> format() {
        return Optional.empty();
    }

    @Override
    public SourceStatus status() {
        return new SourceStatus(SourceStatus.State.FAILED, reason, since, 0, 0);
    }

    @Override
    public Optional<byte[]> snapshotJpeg() {
        return Optional.empty();
    }

    @Override
    public double cpuPercent() {
        return 0;
    }

    @Override
    public void close() {}
}

package org.openvto.household;

import java.util.Set;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;
import org.openvto.video.VideoRules;
import org.openvto.video.VideoSettings;

/**
 * Local Setting › Video &amp; Audio: the camera's source, the main and sub stream's encoding, the stream limit and
 * the audio track. A save that changes something is announced as {@code config/video/changed} and applied live by
 * the camera (only the streams whose settings changed are switched, without dropping their viewers); a save that
 * changes nothing writes nothing and announces nothing, so RTSP bridges are never made to reconnect. A blank relay
 * password keeps the stored one. Thread-safe; changes are serialised with every other installer change.
 */
public final class VideoService {
    private final InstallationContext ctx;

    VideoService(InstallationContext ctx) {
        this.ctx = ctx;
    }

    /** The stored settings, or the factory ones before the first save. */
    public VideoSettings current() {
        return ctx.video();
    }

    /** Whether external commands may be configured ({@code video.allow-commands} in the configuration file). */
    public boolean commandsAllowed() {
        return ctx.commandsAllowed;
    }

    /** Saves, or rejects with field errors and writes nothing. */
    public Result<Change> update(VideoSettings incoming) {
        return ctx.locked(() -> {
            VideoSettings old = current();
            VideoSettings n = incoming.withRelayPassword(Strings.keep(incoming.relayPassword(), old.relayPassword()));
            Violations v = new Violations();
            VideoRules.check(v, n, ctx.commandsAllowed);
            if (!v.isEmpty()) {
                return Result.rejected(v.list());
            }
            if (VideoKeys.write(n).equals(VideoKeys.write(old))) {
                return Result.applied(new Change(Set.of()));
            }
            ctx.settings.putAll(VideoKeys.write(n));
            return ctx.changed("video", Set.of(), RecordDiff.of(old, n));
        });
    }
}

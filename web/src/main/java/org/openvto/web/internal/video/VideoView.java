package org.openvto.web.internal.video;

import java.util.List;
import java.util.Map;
import org.openvto.video.AudioKind;
import org.openvto.video.SourceKind;
import org.openvto.web.Camera;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * What the template {@code console/video_audio.jte} shows: the form's values as entered (so a rejected form shows
 * what was typed), the choices, whether a relay password is stored, whether commands are allowed, and the status.
 */
public record VideoView(
        Map<String, String> form,
        List<SourceKind> sources,
        List<AudioKind> audios,
        boolean relayPasswordSet,
        boolean commandsAllowed,
        StatusView status,
        FormErrors errors,
        Notice notice) {
    public String value(String field) {
        return form.getOrDefault(field, "");
    }

    /** The live part of the page, also served alone to htmx every two seconds. */
    public record StatusView(List<Camera.StreamStatus> streams, long tick) {
        public String fps(Camera.StreamStatus s) {
            return String.format(java.util.Locale.ROOT, "%.1f", s.measuredFps());
        }

        public String cpu(Camera.StreamStatus s) {
            return s.cpuPercent() < 0 ? "—" : String.format(java.util.Locale.ROOT, "%.1f %%", s.cpuPercent());
        }

        public String size(Camera.StreamStatus s) {
            return s.width() == 0 ? "—" : s.width() + "×" + s.height();
        }

        public String name(Camera.StreamStatus s) {
            return s.stream() == Camera.Stream.MAIN ? "Main stream" : "Sub stream";
        }
    }
}

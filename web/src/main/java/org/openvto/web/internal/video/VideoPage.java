package org.openvto.web.internal.video;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvto.household.VideoService;
import org.openvto.validation.FieldError;
import org.openvto.video.AudioKind;
import org.openvto.video.SourceKind;
import org.openvto.video.StreamSettings;
import org.openvto.video.VideoSettings;
import org.openvto.web.Camera;
import org.openvto.web.internal.Form;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * Local Setting › Video &amp; Audio: the source, the main and sub stream's encoding, the stream limit, the audio
 * track, a preview and each stream's measured frame rate and CPU share. A rejected form answers 400 naming each
 * field's rule, shows what was typed and saves nothing; a save is applied without restarting anything that did not
 * change.
 */
public final class VideoPage {
    static final String PATH = "/console/local/video-audio";
    private static final String[] STREAM_FIELDS = {"width", "height", "fps", "bitrateKbps", "keyFrameInterval"};
    /** Each field's label, in the order of the form. */
    static final Map<String, String> LABELS = labels();

    private final Pages pages;
    private final VideoService video;
    private final Camera camera;

    public VideoPage(Pages pages, VideoService video, Camera camera) {
        this.pages = pages;
        this.video = video;
        this.camera = camera;
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source", "Source");
        for (String stream : List.of("main", "sub")) {
            String name = stream.equals("main") ? "Main stream" : "Sub stream";
            m.put(stream + ".width", name + " Width");
            m.put(stream + ".height", name + " Height");
            m.put(stream + ".fps", name + " Frame Rate");
            m.put(stream + ".bitrateKbps", name + " Bit Rate");
            m.put(stream + ".keyFrameInterval", name + " I-Frame Interval");
        }
        m.put("mainCommand", "Main stream command");
        m.put("subCommand", "Sub stream command");
        m.put("relayMainUrl", "Camera main stream URL");
        m.put("relaySubUrl", "Camera sub stream URL");
        m.put("relayUsername", "Camera username");
        m.put("relayPassword", "Camera password");
        m.put("maxStreams", "Max. Streams");
        m.put("audio", "Audio");
        m.put("audioCommand", "Audio capture command");
        return Map.copyOf(m);
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, 200, values(video.current()), FormErrors.NONE, Saved.notice(ctx)));
        routes.post(PATH, this::save);
        routes.get(PATH + "/status", ctx -> pages.fragment(ctx, 200, "console/video_status.jte", status()));
    }

    private VideoView.StatusView status() {
        return new VideoView.StatusView(camera.status(), System.nanoTime());
    }

    private void show(Context ctx, int status, Map<String, String> form, FormErrors errors, Notice notice) {
        pages.console(
                ctx,
                status,
                "console/video_audio.jte",
                "Video & Audio",
                new VideoView(
                        form,
                        Arrays.asList(SourceKind.values()),
                        Arrays.asList(AudioKind.values()),
                        !video.current().relayPassword().isEmpty(),
                        video.commandsAllowed(),
                        status(),
                        errors,
                        notice));
    }

    static Map<String, String> values(VideoSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source", s.source().token());
        stream(m, "main", s.main());
        stream(m, "sub", s.sub());
        m.put("mainCommand", s.mainCommand());
        m.put("subCommand", s.subCommand());
        m.put("relayMainUrl", s.relayMainUrl());
        m.put("relaySubUrl", s.relaySubUrl());
        m.put("relayUsername", s.relayUsername());
        m.put("maxStreams", String.valueOf(s.maxStreams()));
        m.put("audio", s.audio().token());
        m.put("audioCommand", s.audioCommand());
        return m;
    }

    private static void stream(Map<String, String> m, String name, StreamSettings s) {
        int[] v = {s.width(), s.height(), s.fps(), s.bitrateKbps(), s.keyFrameInterval()};
        for (int i = 0; i < v.length; i++) {
            m.put(name + "." + STREAM_FIELDS[i], String.valueOf(v[i]));
        }
    }

    private void save(Context ctx) {
        Form f = new Form(ctx);
        Map<String, String> raw = new LinkedHashMap<>();
        LABELS.keySet().stream().filter(k -> !k.equals("relayPassword")).forEach(k -> raw.put(k, f.str(k)));
        SourceKind source = SourceKind.parse(f.str("source")).orElse(null);
        AudioKind audio = AudioKind.parse(f.str("audio")).orElse(null);
        VideoSettings next = new VideoSettings(
                source,
                stream(f, "main"),
                stream(f, "sub"),
                f.str("mainCommand"),
                f.str("subCommand"),
                f.str("relayMainUrl"),
                f.str("relaySubUrl"),
                f.str("relayUsername"),
                f.raw("relayPassword"),
                f.integer("maxStreams", LABELS.get("maxStreams")),
                audio,
                f.str("audioCommand"));
        if (!f.violations.isEmpty()) {
            rejected(ctx, raw, f.violations.list());
            return;
        }
        Saved.outcome(ctx, video.update(next), PATH, errs -> rejected(ctx, raw, errs.errors()));
    }

    private static StreamSettings stream(Form f, String name) {
        int[] v = new int[STREAM_FIELDS.length];
        for (int i = 0; i < v.length; i++) {
            String field = name + "." + STREAM_FIELDS[i];
            v[i] = f.integer(field, LABELS.get(field));
        }
        return new StreamSettings(v[0], v[1], v[2], v[3], v[4]);
    }

    private void rejected(Context ctx, Map<String, String> raw, List<FieldError> errors) {
        show(ctx, 400, raw, FormErrors.labelled(errors, LABELS::get), Saved.NOTHING_SAVED);
    }
}

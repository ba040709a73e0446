package org.openvto.media.rtsp;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openvto.media.video.StreamKind;

/**
 * The URLs clients use for a door station's camera (see docs/dahua-compat): {@code /cam/realmonitor?channel=1&subtype=0}
 * (main) or {@code subtype=1} (sub), with or without go2rtc's and Frigate's {@code &unicast=true&proto=Onvif}, and
 * {@code /live/main}, {@code /live/sub}. A track is addressed by appending {@code /trackID=N} to the URL (as the
 * SDP's {@code Content-Base} + control make it), even after the query string.
 */
public final class RtspPaths {
    private static final Pattern TRACK = Pattern.compile("(?i)/trackID=(\\d{1,2})$");

    private RtspPaths() {}

    /**
     * @param kind the stream
     * @param presentation the URL without the track suffix (the {@code Content-Base} is this plus {@code /})
     * @param track the track number when the URL names one
     */
    public record Target(StreamKind kind, String presentation, OptionalInt track) {}

    /** The stream a Request-URI names, or empty (404). */
    public static Optional<Target> resolve(String requestUri) {
        String url = requestUri;
        OptionalInt track = OptionalInt.empty();
        Matcher m = TRACK.matcher(url);
        if (m.find()) {
            track = OptionalInt.of(Integer.parseInt(m.group(1)));
            url = url.substring(0, m.start());
        }
        String presentation = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI uri;
        try {
            uri = URI.create(presentation);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getRawPath() == null
                || (uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase("rtsp"))) {
            return Optional.empty();
        }
        Optional<StreamKind> kind = kind(uri.getRawPath(), query(uri.getRawQuery()));
        OptionalInt t = track;
        return kind.map(k -> new Target(k, presentation, t));
    }

    private static Optional<StreamKind> kind(String path, Map<String, String> query) {
        return switch (path) {
            case "/live/main", "/live" -> Optional.of(StreamKind.MAIN);
            case "/live/sub" -> Optional.of(StreamKind.SUB);
            case "/cam/realmonitor" -> {
                if (!query.getOrDefault("channel", "1").equals("1")) {
                    yield Optional.empty();
                }
                yield switch (query.getOrDefault("subtype", "0")) {
                    case "0" -> Optional.of(StreamKind.MAIN);
                    case "1" -> Optional.of(StreamKind.SUB);
                    default -> Optional.empty();
                };
            }
            default -> Optional.empty();
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.putIfAbsent(pair.substring(0, eq).toLowerCase(java.util.Locale.ROOT), pair.substring(eq + 1));
                }
            }
        }
        return q;
    }
}

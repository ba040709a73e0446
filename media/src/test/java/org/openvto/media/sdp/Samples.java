package org.openvto.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The SDP bodies under {@code src/test/resources/org/openvto/media/sdp/}. */
final class Samples {
    private Samples() {}

    static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Sdp sdp(String name) {
        return parse(text(name));
    }

    static Sdp parse(String text) {
        return switch (SdpParser.parse(text)) {
            case SdpParser.Result.Parsed p -> p.sdp();
            case SdpParser.Result.Malformed m -> throw new AssertionError(m.reason());
        };
    }
}

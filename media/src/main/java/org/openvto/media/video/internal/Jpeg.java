package org.openvto.media.video.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** JPEG encoding of snapshots through ImageIO (the JDK's writer: no native code). Thread-safe. */
public final class Jpeg {
    private Jpeg() {}

    /** {@code image} (TYPE_INT_RGB) as JPEG bytes at ImageIO's default quality. */
    public static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            if (!ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("no JPEG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a memory stream does not fail
        }
        return out.toByteArray();
    }
}

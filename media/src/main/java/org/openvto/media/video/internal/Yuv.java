package org.openvto.media.video.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;

/**
 * RGB ↔ YUV 4:2:0 in BT.601 limited ("studio") range, the range decoders assume when the SPS carries no VUI (JCodec
 * writes none). JCodec stores samples as signed bytes: value − 128. Stateless, thread-safe.
 */
public final class Yuv {
    private Yuv() {}

    /**
     * A picture for the encoder: its planes cover whole macroblocks (JCodec reads 16×16 blocks) and the crop is the
     * image; edge pixels are repeated into the padding so the padding costs few bits.
     */
    public static Picture allocate(int width, int height) {
        int w16 = (width + 15) & ~15;
        int h16 = (height + 15) & ~15;
        return Picture.createCropped(w16, h16, ColorSpace.YUV420J, new Rect(0, 0, width, height));
    }

    /** Converts {@code image} (TYPE_INT_RGB, the picture's crop size) into {@code picture} from {@link #allocate}. */
    public static void fromRgb(BufferedImage image, Picture picture) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] y = picture.getPlaneData(0);
        byte[] u = picture.getPlaneData(1);
        byte[] v = picture.getPlaneData(2);
        int stride = picture.getPlaneWidth(0);
        int planeHeight = picture.getPlaneHeight(0);
        for (int row = 0; row < planeHeight; row++) {
            int src = Math.min(row, height - 1) * width;
            for (int col = 0; col < stride; col++) {
                int p = rgb[src + Math.min(col, width - 1)];
                y[row * stride + col] = (byte) (luma(p) - 128);
            }
        }
        int cStride = picture.getPlaneWidth(1);
        for (int row = 0; row < picture.getPlaneHeight(1); row++) {
            int sy = Math.min(row * 2, height - 2);
            for (int col = 0; col < cStride; col++) {
                int sx = Math.min(col * 2, width - 2);
                int r = 0;
                int g = 0;
                int b = 0;
                for (int k = 0; k < 4; k++) { // average the 2×2 block
                    int p = rgb[(sy + (k >> 1)) * width + sx + (k & 1)];
                    r += (p >> 16) & 0xFF;
                    g += (p >> 8) & 0xFF;
                    b += p & 0xFF;
                }
                r >>= 2;
                g >>= 2;
                b >>= 2;
                u[row * cStride + col] = (byte) ((((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128) - 128);
                v[row * cStride + col] = (byte) ((((112 * r - 94 * g - 18 * b + 128) >> 8) + 128) - 128);
            }
        }
    }

    private static int luma(int p) {
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        return ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
    }

    /** The {@code width}×{@code height} top-left part of a decoded 8-bit 4:2:0 picture as an RGB image. */
    public static BufferedImage toRgb(Picture picture, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] y = picture.getPlaneData(0);
        byte[] u = picture.getPlaneData(1);
        byte[] v = picture.getPlaneData(2);
        int stride = picture.getPlaneWidth(0);
        int cStride = picture.getPlaneWidth(1);
        int x0 = picture.getCrop() == null ? 0 : picture.getCrop().getX();
        int y0 = picture.getCrop() == null ? 0 : picture.getCrop().getY();
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                int yy = row + y0;
                int xx = col + x0;
                int c = 298 * (y[yy * stride + xx] + 128 - 16);
                int d = u[(yy >> 1) * cStride + (xx >> 1)];
                int e = v[(yy >> 1) * cStride + (xx >> 1)];
                int r = clip((c + 409 * e + 128) >> 8);
                int g = clip((c - 100 * d - 208 * e + 128) >> 8);
                int b = clip((c + 516 * d + 128) >> 8);
                rgb[row * width + col] = (r << 16) | (g << 8) | b;
            }
        }
        return image;
    }

    private static int clip(int x) {
        return x < 0 ? 0 : Math.min(x, 255);
    }
}

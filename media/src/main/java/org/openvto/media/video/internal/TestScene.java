package org.openvto.media.video.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The test camera's picture: colour bars scrolling sideways, a ball bouncing over them and a caption with the
 * device name, the VTO number and the time, so a viewer sees at a glance that the stream is live and which door it
 * is. Everything moves with the frame index, so the same index always draws the same picture (tests, and motion
 * that compresses well: smooth, not noise).
 *
 * <p>Thread-safe: the scene is immutable and each call draws into its own image (the producer thread reuses one,
 * a snapshot makes a new one).
 */
public final class TestScene {
    private static final Color[] BARS = {
        new Color(0xC0C0C0),
        new Color(0xC0C000),
        new Color(0x00C0C0),
        new Color(0x00C000),
        new Color(0xC000C0),
        new Color(0xC00000),
        new Color(0x0000C0)
    };
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final int width;
    private final int height;
    private final int fps;
    private final String deviceName;
    private final String vtoNumber;
    private final ZoneId zone;
    private final Font big;
    private final Font small;

    public TestScene(int width, int height, int fps, String deviceName, String vtoNumber, ZoneId zone) {
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.deviceName = deviceName;
        this.vtoNumber = vtoNumber;
        this.zone = zone;
        this.big = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 12));
        this.small = new Font(Font.MONOSPACED, Font.BOLD, Math.max(9, height / 16));
    }

    /** A new image of the scene at {@code frame}, captioned with {@code now}. */
    public BufferedImage draw(long frame, Instant now) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        draw(image, frame, now);
        return image;
    }

    /** Draws the scene at {@code frame} into {@code image} (TYPE_INT_RGB, this scene's size). */
    public void draw(BufferedImage image, long frame, Instant now) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            drawBars(g, frame);
            drawBall(g, frame);
            drawCaption(g, now);
        } finally {
            g.dispose();
        }
    }

    private void drawBars(Graphics2D g, long frame) {
        int barWidth = (width + BARS.length - 1) / BARS.length;
        // one screen width every 10 s whatever the frame rate, so motion looks the same at 5 and 25 fps
        int shift = (int) ((frame * width / (10L * fps)) % width);
        int barsHeight = height * 2 / 3;
        for (int i = -1; i <= BARS.length; i++) {
            g.setColor(BARS[Math.floorMod(i - shift / barWidth, BARS.length)]);
            g.fillRect(i * barWidth + shift % barWidth, 0, barWidth, barsHeight);
        }
        g.setPaint(new GradientPaint(0, barsHeight, Color.BLACK, width, height, Color.WHITE));
        g.fillRect(0, barsHeight, width, height - barsHeight);
    }

    private void drawBall(Graphics2D g, long frame) {
        int d = height / 6;
        double t = (double) frame / fps; // seconds
        int x = bounce(t * width / 4.0, width - d);
        int y = bounce(t * height / 3.0, height - d);
        g.setColor(Color.ORANGE);
        g.fillOval(x, y, d, d);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        g.drawOval(x, y, d, d);
    }

    /** A position moving at constant speed and reflecting at 0 and {@code max}. */
    private static int bounce(double distance, int max) {
        if (max <= 0) {
            return 0;
        }
        int p = (int) (distance % (2L * max));
        return p <= max ? p : 2 * max - p;
    }

    private void drawCaption(Graphics2D g, Instant now) {
        int line = big.getSize() + 6;
        int top = height - line * 2 - small.getSize() - 4;
        g.setColor(new Color(0, 0, 0, 160));
        g.fillRect(0, top, width, height - top);
        g.setColor(Color.WHITE);
        g.setFont(big);
        g.drawString(deviceName, 6, top + big.getSize() + 2);
        g.drawString("VTO " + vtoNumber, 6, top + line + big.getSize());
        g.setFont(small);
        g.drawString(TIME.format(now.atZone(zone)), 6, height - 6);
    }
}

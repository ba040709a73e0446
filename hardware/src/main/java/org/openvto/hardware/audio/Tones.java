package org.openvto.hardware.audio;

import java.util.Optional;

/**
 * The façade's tones as 16-bit mono PCM at 8 kHz, generated rather than shipped as files: {@code ringback}
 * (425 Hz, 1 s, the ITU-T E.180 ring tone most of Europe uses), {@code busy} (425 Hz, three times 500 ms on and
 * off: E.180's busy tone), {@code call-ended} (two falling 150 ms beeps), {@code no-answer} (three 200 ms beeps of
 * 425 Hz), {@code no-such-room} (E.180's special information tone: 950, 1,400, 1,800 Hz, 330 ms each), {@code
 * error} (three 100 ms beeps of 950 Hz), {@code unlock} (one 200 ms beep of 1,400 Hz) and {@code alarm} (a 1 s
 * sweep between 800 and 1,600 Hz, repeated by the caller for as long as the alarm sounds). Stateless and
 * thread-safe.
 */
public final class Tones {
    public static final float SAMPLE_RATE = 8_000f;
    private static final double AMPLITUDE = 0.5 * Short.MAX_VALUE;

    private Tones() {}

    /** The PCM of the tone {@code name} (little-endian 16-bit samples), or empty for an unknown name. */
    public static Optional<byte[]> pcm(String name) {
        return Optional.ofNullable(
                switch (name) {
                    case "ringback" -> beeps(425, 1_000, 0, 1);
                    case "busy" -> beeps(425, 500, 500, 3);
                    case "call-ended" -> concat(beeps(880, 150, 0, 1), silence(50), beeps(660, 150, 0, 1));
                    case "no-answer" -> beeps(425, 200, 200, 3);
                    case "no-such-room" ->
                        concat(beeps(950, 330, 0, 1), beeps(1_400, 330, 0, 1), beeps(1_800, 330, 0, 1));
                    case "error" -> beeps(950, 100, 100, 3);
                    case "unlock" -> beeps(1_400, 200, 0, 1);
                    case "alarm" -> sweep(800, 1_600, 1_000);
                    default -> null;
                });
    }

    static byte[] beeps(double hz, int onMs, int offMs, int count) {
        int on = samples(onMs);
        int off = samples(offMs);
        short[] out = new short[count * on + (count - 1) * off];
        for (int b = 0; b < count; b++) {
            int start = b * (on + off);
            for (int i = 0; i < on; i++) {
                out[start + i] =
                        (short) Math.round(AMPLITUDE * envelope(i, on) * Math.sin(2 * Math.PI * hz * i / SAMPLE_RATE));
            }
        }
        return bytes(out);
    }

    static byte[] sweep(double fromHz, double toHz, int ms) {
        int n = samples(ms);
        short[] out = new short[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double hz = fromHz + (toHz - fromHz) * i / n;
            phase += 2 * Math.PI * hz / SAMPLE_RATE;
            out[i] = (short) Math.round(AMPLITUDE * envelope(i, n) * Math.sin(phase));
        }
        return bytes(out);
    }

    static byte[] silence(int ms) {
        return new byte[samples(ms) * 2];
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** 5 ms fade in and out, so a beep does not click. */
    private static double envelope(int i, int n) {
        int ramp = samples(5);
        return Math.min(1.0, Math.min(i, n - 1 - i) / (double) ramp);
    }

    private static int samples(int ms) {
        return Math.round(SAMPLE_RATE * ms / 1_000);
    }

    private static byte[] bytes(short[] samples) {
        byte[] b = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            b[2 * i] = (byte) samples[i];
            b[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return b;
    }
}

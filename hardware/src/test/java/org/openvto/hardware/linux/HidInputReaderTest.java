package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.openvto.facade.io.ModuleStatus;

class HidInputReaderTest {
    private static final String DEVICE = "/dev/input/event3";
    private static final long T = 1_764_669_600L; // 2025-12-02T10:00:00Z
    private final TestEnv t = new TestEnv();
    private final FakeDevice device = new FakeDevice();

    /** An input device whose reads return the chunks queued, then fail as an unplugged device does. */
    private static final class FakeDevice implements HidInputReader.Opener {
        final Deque<byte[]> chunks = new ArrayDeque<>();
        boolean present = true;

        @Override
        public InputStream open(String path) throws IOException {
            if (!present) {
                throw new IOException(path + " (No such file or directory)");
            }
            return new InputStream() {
                @Override
                public int read() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    byte[] c = chunks.poll();
                    if (c == null) {
                        throw new IOException("No such device");
                    }
                    int n = Math.min(len, c.length);
                    System.arraycopy(c, 0, b, off, n);
                    if (n < c.length) {
                        chunks.addFirst(java.util.Arrays.copyOfRange(c, n, c.length)); // the rest on the next read
                    }
                    return n;
                }
            };
        }
    }

    private HidInputReader reader(HidInputReader.Mode mode) {
        HidInputReader r = new HidInputReader(
                new HidInputReader.Config(DEVICE, mode, Duration.ofSeconds(1), 16, 3), t.inputs, device, t.env);
        r.start();
        return r;
    }

    /** Press and release of each key, 10 ms apart, with the SYN_REPORT a keyboard sends after each. */
    private static byte[] typed(int... codes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long micros = 0;
        for (int code : codes) {
            out.writeBytes(EvdevParserTest.event(T, micros, 4, 4, 0x70000 + code)); // EV_MSC scan code: ignored
            out.writeBytes(EvdevParserTest.event(T, micros, 1, code, 1));
            out.writeBytes(EvdevParserTest.event(T, micros, 0, 0, 0));
            out.writeBytes(EvdevParserTest.event(T, micros + 2000, 1, code, 0));
            out.writeBytes(EvdevParserTest.event(T, micros + 2000, 0, 0, 0));
            micros += 10_000;
        }
        return out.toByteArray();
    }

    private void feedSplitAt(byte[] bytes, int... cuts) {
        int from = 0;
        for (int cut : cuts) {
            device.chunks.add(java.util.Arrays.copyOfRange(bytes, from, cut));
            from = cut;
        }
        device.chunks.add(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
    }

    @Test
    void aCardNumberTypedThenEnterIsACard() {
        HidInputReader r = reader(HidInputReader.Mode.CARD);
        // 0 0 1 2 3 4 5 6 7 8 on the top row and keypad, then Enter
        device.chunks.add(typed(11, 82, 2, 3, 4, 75, 76, 7, 8, 9, 28));
        r.pumpOnce();
        assertThat(t.inputs.events).containsExactly("card 0012345678 hid @2025-12-02T10:00:00.100Z");
    }

    @Test
    void everySplitOfTheStreamGivesTheSameCard() {
        byte[] bytes = typed(2, 3, 96); // "12", keypad Enter
        for (int cut = 1; cut < bytes.length; cut++) {
            t.inputs.events.clear();
            HidInputReader r = reader(HidInputReader.Mode.CARD);
            feedSplitAt(bytes, cut);
            r.pumpOnce();
            r.pumpOnce();
            assertThat(t.inputs.events).as("cut at %d", cut).containsExactly("card 12 hid @2025-12-02T10:00:00.020Z");
            r.close();
        }
    }

    @Test
    void keypadModeSendsEachKey() {
        HidInputReader r = reader(HidInputReader.Mode.KEYPAD);
        // shift+3 = #, 1, keypad 2, numeric 3, keypad *, numeric pound, Enter = call
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(EvdevParserTest.event(T, 0, 1, 42, 1));
        out.writeBytes(EvdevParserTest.event(T, 0, 1, 4, 1));
        out.writeBytes(EvdevParserTest.event(T, 0, 1, 4, 2)); // auto-repeat: not a new key
        out.writeBytes(EvdevParserTest.event(T, 0, 1, 4, 0));
        out.writeBytes(EvdevParserTest.event(T, 0, 1, 42, 0));
        device.chunks.add(out.toByteArray());
        device.chunks.add(typed(2, 80, 515, 55, 523, 28, 30)); // 30 = KEY_A: not a keypad key
        r.pumpOnce();
        r.pumpOnce();
        assertThat(t.inputs.events)
                .extracting(e -> e.substring(0, 5))
                .containsExactly("key #", "key 1", "key 2", "key 3", "key *", "key #", "key C");
        assertThat(r.dropped()).containsEntry("ignored-key", 1L);
    }

    @Test
    void malformedCardInputIsCountedNotReported() {
        HidInputReader r = reader(HidInputReader.Mode.CARD);
        device.chunks.add(typed(2, 30, 3, 28)); // 1 A 2 Enter
        device.chunks.add(typed(28)); // Enter alone
        r.pumpOnce();
        r.pumpOnce();
        assertThat(t.inputs.events).isEmpty();
        assertThat(r.dropped()).containsEntry("invalid-key", 1L).containsEntry("empty", 1L);
    }

    @Test
    void aNumberLongerThan32DigitsIsDroppedAndTheBufferStaysBounded() {
        HidInputReader r = reader(HidInputReader.Mode.CARD);
        int[] keys = new int[41];
        java.util.Arrays.fill(keys, 2);
        keys[40] = 28;
        device.chunks.add(typed(keys)); // forty 1s, Enter
        while (!device.chunks.isEmpty()) {
            r.pumpOnce();
        }
        assertThat(t.inputs.events).isEmpty();
        assertThat(r.dropped()).containsEntry("too-long", 1L);
    }

    @Test
    void digitsLeftWithoutEnterAreAbandonedAfterTheInterKeyTimeout() {
        HidInputReader r = reader(HidInputReader.Mode.CARD);
        device.chunks.add(typed(2, 3)); // "12" at T, no Enter
        ByteArrayOutputStream later = new ByteArrayOutputStream();
        later.writeBytes(EvdevParserTest.event(T + 5, 0, 1, 4, 1)); // "3" five seconds later
        later.writeBytes(EvdevParserTest.event(T + 5, 10_000, 1, 28, 1)); // Enter
        device.chunks.add(later.toByteArray());
        r.pumpOnce();
        r.pumpOnce();
        assertThat(t.inputs.events).containsExactly("card 3 hid @2025-12-02T10:00:05.010Z");
        assertThat(r.dropped()).containsEntry("incomplete", 1L);
    }

    @Test
    void anUnpluggedDeviceGoesOfflineAndIsReopened() {
        HidInputReader r = reader(HidInputReader.Mode.CARD);
        assertThat(r.pumpOnce()).isFalse(); // no chunk: the read fails as on an unplugged device
        device.present = false;
        t.advance(Duration.ofSeconds(5));
        assertThat(t.inputs.statuses)
                .containsExactly(
                        ModuleStatus.ONLINE,
                        ModuleStatus.offline("hid reader: /dev/input/event3: No such device"),
                        ModuleStatus.offline("hid reader: /dev/input/event3 (No such file or directory)"));

        device.present = true;
        t.advance(Duration.ofSeconds(5));
        assertThat(r.status()).isEqualTo(ModuleStatus.ONLINE);
        device.chunks.add(typed(5, 28));
        assertThat(r.pumpOnce()).isTrue();
        assertThat(t.inputs.events).containsExactly("card 4 hid @2025-12-02T10:00:00.010Z");
    }
}

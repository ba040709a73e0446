package org.openvto.hardware.linux;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openvto.facade.io.FacadeInputs;
import org.openvto.facade.io.KeypadKey;
import org.openvto.facade.io.ModuleStatus;

/**
 * Fuzz targets for what card readers send: arbitrary bytes as an evdev stream (through the key decoder in both
 * modes) and arbitrary bits and timestamps as Wiegand pulses. Neither may throw; a card number that comes out is
 * digits only, and every Wiegand frame ends as a card or a counted drop. A normal {@code mvn test} replays the
 * seed corpus in {@code src/test/resources/org/openvto/hardware/linux/ReaderInputFuzzTestInputs/}; fuzz for
 * real with {@code JAZZER_FUZZ=1 mvn -pl hardware test -Dtest=ReaderInputFuzzTest}.
 */
class ReaderInputFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void evdevAndKeyDecodingNeverThrow(byte[] data) {
        for (KeyDecoder.Mode mode : KeyDecoder.Mode.values()) {
            Recording inputs = new Recording();
            KeyDecoder keys = new KeyDecoder(mode, Duration.ofSeconds(1), inputs);
            EvdevParser parser = new EvdevParser(data.length % 2 == 0 ? 16 : 8, keys::event);
            int split = data.length == 0 ? 0 : (data[0] & 0xff) % (data.length + 1);
            parser.feed(data, 0, split);
            parser.feed(data, split, data.length - split);
            inputs.cards.forEach(n -> assertThat(n).matches("[0-9]+"));
        }
    }

    @FuzzTest(maxDuration = "30s")
    void wiegandFramesAreCardsOrCountedDrops(byte[] data) {
        WiegandDecoder decoder = new WiegandDecoder(25_000_000L, 200_000L);
        long t = 1_000_000_000L;
        int frames = 0;
        int cards = 0;
        for (int i = 0; i + 1 < data.length; i += 2) {
            boolean one = (data[i] & 1) == 1;
            // the gap before this pulse: from 0 µs (noise) to past the frame gap (a new frame)
            t += (data[i + 1] & 0xff) * 150_000L;
            if (decoder.pulse(one, t).isPresent()) {
                cards++;
            }
        }
        if (decoder.inFrame()) {
            frames++;
            cards += decoder.endFrame()
                    .map(c -> {
                        assertThat(c.number()).matches("[0-9]+");
                        assertThat(c.bits()).isIn(26, 34);
                        return 1;
                    })
                    .orElse(0);
        }
        assertThat(decoder.accepted()).isEqualTo(cards);
        assertThat(frames).isLessThanOrEqualTo(1);
    }

    private static final class Recording implements FacadeInputs {
        final List<String> cards = new ArrayList<>();

        @Override
        public void callKey(int module, int key, Instant at) {}

        @Override
        public void keypad(KeypadKey key, Instant at) {}

        @Override
        public void card(String number, String reader, Instant at) {
            cards.add(number);
        }

        @Override
        public void finger(String template, Instant at) {}

        @Override
        public void tamper(boolean released, Instant at) {}

        @Override
        public void doorSensor(int door, boolean open, Instant at) {}

        @Override
        public void exitButton(int door, Instant at) {}

        @Override
        public void status(int module, ModuleStatus status) {}
    }
}

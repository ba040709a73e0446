package org.openvto.media.call.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed 40 ms playout buffer with 20 ms packets; time is a number of milliseconds moved by the test. */
class JitterBufferTest {
    private final JitterBuffer buffer = new JitterBuffer(40, 20);
    private long now = 1_000;
    private final List<String> played = new ArrayList<>();

    private void offer(int sequence) {
        buffer.offer(sequence, 8, new byte[] {(byte) sequence}, now);
    }

    /** Advances by {@code millis} in 20 ms playout ticks, recording what is played ("7") or lost ("-"). */
    private void run(int millis) {
        for (int t = 0; t < millis; t += 20) {
            now += 20;
            tick();
        }
    }

    private void tick() {
        for (JitterBuffer.Out out : buffer.poll(now)) {
            switch (out) {
                case JitterBuffer.Out.Packet(int pt, byte[] payload) -> played.add(String.valueOf(payload[0] & 0xFF));
                case JitterBuffer.Out.Lost() -> played.add("-");
            }
        }
    }

    @Test
    void nothingIsPlayedBeforeTheTargetDelay() {
        offer(10);
        tick();
        now += 39;
        tick();
        assertThat(played).isEmpty();
        now += 1;
        tick();
        assertThat(played).containsExactly("10");
    }

    @Test
    void reorderedPacketsArePlayedInSequence() {
        offer(10);
        now += 5;
        offer(12);
        offer(11);
        now += 20;
        offer(13);
        run(100);
        assertThat(played).containsExactly("10", "11", "12", "13");
        assertThat(buffer.played()).isEqualTo(4);
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void aMissingPacketIsLostAtItsPlayoutTimeWhenLaterOnesWait() {
        offer(10);
        offer(12);
        offer(13);
        run(100);
        assertThat(played).containsExactly("10", "-", "12", "13");
        assertThat(buffer.lost()).isEqualTo(1);
    }

    @Test
    void aPacketAfterItsPlayoutTimeIsLateAndDropped() {
        offer(10);
        offer(12);
        run(80); // 10 played, 11 given up, 12 played
        offer(11);
        run(40);
        assertThat(played).containsExactly("10", "-", "12");
        assertThat(buffer.late()).isEqualTo(1);
    }

    @Test
    void duplicatesAreDroppedAndCounted() {
        offer(10);
        offer(10);
        offer(11);
        offer(11);
        run(80);
        assertThat(played).containsExactly("10", "11");
        assertThat(buffer.duplicates()).isEqualTo(2);
        offer(10);
        assertThat(buffer.late()).as("played already").isEqualTo(1);
    }

    @Test
    void afterAnUnderrunPlayoutRestartsTheTargetDelayLaterAndCountsTheGap() {
        offer(10);
        run(60);
        assertThat(played).containsExactly("10");
        run(100); // the sender is silent: nothing played, nothing counted
        assertThat(buffer.lost()).isZero();
        offer(14); // 11–13 never came
        run(20);
        assertThat(played).containsExactly("10");
        run(20);
        assertThat(played).containsExactly("10", "14");
        assertThat(buffer.lost()).isEqualTo(3);
    }

    @Test
    void sequenceNumbersWrap() {
        offer(65534);
        offer(0);
        offer(65535);
        offer(1);
        run(120);
        assertThat(played).containsExactly("254", "255", "0", "1");
        assertThat(buffer.lost()).isZero();
    }

    @Test
    void aJumpBeyondTheCapacityRestartsFromTheNewSequence() {
        offer(10);
        run(60);
        offer(10 + JitterBuffer.CAPACITY + 500);
        run(60);
        assertThat(played).hasSize(2);
        assertThat(buffer.lost()).isZero();
        assertThat(buffer.late()).isZero();
    }

    @Test
    void aLateTickPlaysEverythingDueInOrder() {
        offer(1);
        offer(2);
        offer(3);
        now += 100;
        tick();
        assertThat(played).containsExactly("1", "2", "3");
    }
}

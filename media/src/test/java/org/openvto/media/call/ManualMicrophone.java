package org.openvto.media.call;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openvto.media.audio.AudioFrame;
import org.openvto.media.audio.AudioSource;
import org.openvto.media.video.SourceStatus;

/** A microphone the test drives: {@link #emit} publishes frames on the caller's thread, 20 ms apart. */
final class ManualMicrophone implements AudioSource {
    private final CopyOnWriteArrayList<Consumer<AudioFrame>> listeners = new CopyOnWriteArrayList<>();
    private long frames;

    @Override
    public Subscription subscribe(Consumer<AudioFrame> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** One frame whose sample {@code i} is the A-law code {@code (first + i) & 0xFF}. */
    AudioFrame emit(int first) {
        byte[] alaw = new byte[FRAME_BYTES];
        for (int i = 0; i < alaw.length; i++) {
            alaw[i] = (byte) (first + i);
        }
        AudioFrame frame = new AudioFrame(alaw, FRAME_MICROS * frames++);
        listeners.forEach(l -> l.accept(frame));
        return frame;
    }

    @Override
    public int listeners() {
        return listeners.size();
    }

    @Override
    public SourceStatus status() {
        return new SourceStatus(SourceStatus.State.RUNNING, "", java.time.Instant.EPOCH, 50, 0);
    }

    @Override
    public void close() {
        listeners.clear();
    }
}

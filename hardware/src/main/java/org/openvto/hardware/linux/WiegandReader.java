package org.openvto.hardware.linux;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openvto.facade.io.FacadeInputs;
import org.openvto.facade.io.ModuleStatus;

/**
 * A Wiegand 26/34-bit card reader on two GPIO input lines of one chip (D0, D1), requested together so their
 * edges arrive in kernel order. Both lines idle high and pulse low: they are requested active-low (no kernel
 * debounce, which would swallow the ~50–100 µs pulses), so a pulse's start is a rising edge; on D0 it is a 0, on D1
 * a 1. Frames are decoded by {@link WiegandDecoder} (number format there): a good frame is reported as
 * {@code card(number, "wiegand", at)} with the last pulse's kernel timestamp (CLOCK_REALTIME); bad frames are
 * dropped and counted ({@link #dropped}). The frame end is checked a gap after each pulse on the environment's
 * scheduler. A missing chip is reported as the module's status and retried; never throws. Thread-safe.
 */
public final class WiegandReader implements AutoCloseable {
    /**
     * @param chip       the GPIO chip of both lines
     * @param bias       usually pull-up (the reader's outputs are open-collector or 5 V through a level shifter)
     * @param frameGap   silence that ends a frame (25 ms typical; bits come every ~1–2 ms)
     * @param minSpacing pulses closer than this to the previous one are noise (the frame is dropped)
     */
    public record Config(
            String chip, int d0, int d1, LineConfig.Bias bias, Duration frameGap, Duration minSpacing, int module) {}

    private final Config config;
    private final FacadeInputs inputs;
    private final GpioEnvironment env;
    private final WiegandDecoder decoder;
    private final InputConnection connection;
    private ScheduledFuture<?> frameEnd;

    public WiegandReader(Config config, FacadeInputs inputs, GpioEnvironment env) {
        this.config = config;
        this.inputs = inputs;
        this.env = env;
        this.decoder = new WiegandDecoder(
                config.frameGap().toNanos(), config.minSpacing().toNanos());
        this.connection = new InputConnection(
                env,
                config.chip(),
                new int[] {config.d0(), config.d1()},
                new GpioChip.LineSettings(true, config.bias(), 0),
                new Listener(),
                s -> inputs.status(
                        config.module(), s.online() ? s : ModuleStatus.offline("wiegand reader: " + s.reason())));
    }

    /** Requests both lines and starts reading; returns at once. */
    public void start() {
        connection.start();
    }

    public ModuleStatus status() {
        return connection.status();
    }

    /**
     * Frames dropped, by reason: {@code parity}, {@code truncated}, {@code unsupported-length}, {@code noise},
     * {@code overflow} (the kernel's event buffer was full, bits may be missing).
     */
    public synchronized Map<String, Long> dropped() {
        return decoder.dropped().snapshot();
    }

    /** Good frames reported. */
    public synchronized long accepted() {
        return decoder.accepted();
    }

    @Override
    public void close() {
        connection.close();
    }

    /** Test seam: one reader pass. */
    boolean pumpOnce() {
        return connection.pumpOnce();
    }

    private final class Listener implements InputConnection.Listener {
        @Override
        public void connected(GpioChip.InputLines lines) throws IOException {
            synchronized (WiegandReader.this) {
                decoder.endFrame(); // a frame cut by the reconnect is counted, not half-joined to the next
            }
        }

        @Override
        public void lost() {
            synchronized (WiegandReader.this) {
                decoder.lost();
            }
        }

        @Override
        public void edge(GpioChip.Edge edge) {
            if (!edge.rising()) {
                return; // a pulse's end carries no information
            }
            Optional<WiegandDecoder.Card> card;
            synchronized (WiegandReader.this) {
                card = decoder.pulse(edge.offset() == config.d1(), edge.timestampNanos());
                rescheduleFrameEnd();
            }
            card.ifPresent(WiegandReader.this::report);
        }
    }

    private void rescheduleFrameEnd() {
        if (frameEnd != null) {
            frameEnd.cancel(false);
        }
        frameEnd = env.scheduler().schedule(this::endFrame, config.frameGap().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void endFrame() {
        Optional<WiegandDecoder.Card> card;
        synchronized (this) {
            frameEnd = null;
            card = decoder.endFrame();
        }
        card.ifPresent(this::report);
    }

    private void report(WiegandDecoder.Card card) {
        inputs.card(card.number(), "wiegand", Instant.ofEpochSecond(0, card.timestampNanos()));
    }
}

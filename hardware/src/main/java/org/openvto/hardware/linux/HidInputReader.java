package org.openvto.hardware.linux;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.openvto.facade.io.FacadeInputs;
import org.openvto.facade.io.ModuleStatus;

/**
 * A HID keyboard-wedge card reader or USB keypad through its Linux input device ({@code /dev/input/eventN}; a
 * stable name is {@code /dev/input/by-id/usb-…-event-kbd}). Reads {@code struct input_event}s ({@link
 * EvdevParser}) on one reader thread and reports cards ({@code card(number, "hid", at)}) or keypad keys ({@link
 * KeyDecoder}, which also lists the key codes), with the event's timestamp (CLOCK_REALTIME, evdev's default).
 * Malformed input (unknown keys, over-long numbers) is dropped and counted ({@link #dropped}). A missing or
 * unplugged device is reported as the module's status ({@code hid reader: /dev/input/event3 (No such file or
 * directory)}) and reopened on the environment's scheduler; never throws. The device is not grabbed
 * ({@code EVIOCGRAB}): a console on the same machine also sees the keys. Thread-safe.
 */
public final class HidInputReader implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HidInputReader.class);

    /** How the device is used. */
    public enum Mode {
        /** A card reader that types the number and Enter. */
        CARD,
        /** A keypad: every key is a keypad key. */
        KEYPAD
    }

    /** Opens an input device as a byte stream; the real one is {@code FileInputStream::new}. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(String path) throws IOException;
    }

    /**
     * @param interKey a card number whose keys are further apart than this is abandoned (typed numbers arrive
     *                 within milliseconds)
     * @param timevalBytes 16 on 64-bit systems, 8 on 32-bit userspace with 32-bit {@code time_t}
     */
    public record Config(String device, Mode mode, Duration interKey, int timevalBytes, int module) {}

    private final Config config;
    private final GpioEnvironment env;
    private final EvdevParser parser;
    private final KeyDecoder keys;
    private final Reconnector<InputStream> reconnector;
    private final byte[] buffer;

    public HidInputReader(Config config, FacadeInputs inputs, Opener opener, GpioEnvironment env) {
        this.config = config;
        this.env = env;
        this.keys = new KeyDecoder(
                config.mode() == Mode.CARD ? KeyDecoder.Mode.CARD : KeyDecoder.Mode.KEYPAD, config.interKey(), inputs);
        this.parser = new EvdevParser(config.timevalBytes(), keys::event);
        this.buffer = new byte[parser.eventSize() * 64];
        this.reconnector = new Reconnector<>(
                () -> opener.open(config.device()),
                this::connected,
                s -> inputs.status(config.module(), s.online() ? s : ModuleStatus.offline("hid reader: " + s.reason())),
                env.scheduler(),
                env.retry());
    }

    /** The real device files. */
    public static Opener files() {
        return FileInputStream::new;
    }

    /** Opens the device and starts reading; returns at once. */
    public void start() {
        reconnector.start();
    }

    public ModuleStatus status() {
        return reconnector.status();
    }

    /** Inputs dropped, by reason: {@code invalid-key}, {@code too-long}, {@code empty}, {@code incomplete}, … */
    public synchronized Map<String, Long> dropped() {
        return keys.dropped().snapshot();
    }

    @Override
    public void close() {
        reconnector.close();
    }

    private void connected(InputStream in) {
        synchronized (this) {
            parser.reset();
            keys.reset();
        }
        env.readers().execute(() -> {
            while (pumpOnce()) {
                // each pass blocks in read until the device sends events
            }
        });
    }

    /** One blocking read; false once the device is gone or the reader closed. Test seam. */
    boolean pumpOnce() {
        InputStream in = reconnector.current();
        if (in == null) {
            return false;
        }
        try {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException(config.device() + ": device closed");
            }
            try {
                synchronized (this) {
                    parser.feed(buffer, 0, n);
                }
            } catch (RuntimeException e) {
                // a failing subscriber further on costs these keys, never the reader thread
                LOG.warn("{}: input not handled: {}", config.device(), e.toString());
            }
            return true;
        } catch (IOException e) {
            // the JDK's read error has no path ("No such device"): the operator needs to know which device
            reconnector.lost(in, new IOException(config.device() + ": " + e.getMessage(), e));
            return false;
        }
    }
}

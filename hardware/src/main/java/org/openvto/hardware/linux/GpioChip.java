package org.openvto.hardware.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The narrow seam between the GPIO drivers and the kernel: one open GPIO character device ({@code /dev/gpiochipN},
 * v2 uAPI). {@link JnaGpioChip} is the real one; tests use a fake that replays scripted edges. Every method that
 * touches the device throws {@link IOException} when it is missing or gone (the drivers turn that into an offline
 * status and reconnect); none throws anything else for a device problem.
 *
 * <p>Threading: a chip and its lines may be used from different threads, but each line from one thread at a time
 * (the driver's reader thread reads edges; the scheduler sets outputs).
 */
public interface GpioChip extends AutoCloseable {
    /** Opens a chip by path; the real opener is {@code JnaGpioChip::open}. */
    @FunctionalInterface
    interface Opener {
        GpioChip open(String path) throws IOException;
    }

    /**
     * How a requested line is configured in the kernel.
     *
     * @param activeLow      the kernel inverts the line: physical low reads as active ({@code true})
     * @param debounceMicros kernel debounce period (0: none); the kernel emulates it in software where the chip
     *                       has none
     */
    record LineSettings(boolean activeLow, LineConfig.Bias bias, int debounceMicros) {}

    /**
     * One edge as the kernel reported it.
     *
     * @param rising         inactive → active (after active-low inversion, as the kernel reports it)
     * @param timestampNanos {@code CLOCK_REALTIME} nanoseconds since the epoch (the drivers request
     *                       {@code GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME})
     */
    record Edge(int offset, boolean rising, long timestampNanos) {}

    /** Input lines requested together (one kernel request, one file descriptor): their edges arrive in order. */
    interface InputLines extends AutoCloseable {
        /** Waits at most {@code timeout} for edges and returns those read (empty on timeout). */
        List<Edge> awaitEdges(Duration timeout) throws IOException;

        /**
         * Events the kernel discarded since the request because its buffer was full (gaps in the events' request
         * sequence numbers; the kernel drops the oldest). Only grows.
         */
        long lostEvents();

        /** The line's current logical level (after active-low). */
        boolean level(int offset) throws IOException;

        @Override
        void close();
    }

    /** One output line. */
    interface OutputLine extends AutoCloseable {
        /** Drives the line active ({@code true}) or inactive; active-low is applied by the kernel. */
        void set(boolean active) throws IOException;

        @Override
        void close();
    }

    String path();

    /** Requests {@code offsets} as inputs with edge detection on both edges. */
    InputLines requestInput(int[] offsets, LineSettings settings) throws IOException;

    /** Requests {@code offset} as an output, starting at {@code initial}. */
    OutputLine requestOutput(int offset, LineSettings settings, boolean initial) throws IOException;

    /** Closes the chip's file descriptor; lines already requested stay usable until closed themselves. */
    @Override
    void close();
}

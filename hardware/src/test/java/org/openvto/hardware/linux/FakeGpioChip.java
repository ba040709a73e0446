package org.openvto.hardware.linux;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake GPIO character device for the drivers' tests: lines have physical levels; {@link #edge} changes one at a
 * kernel timestamp and queues the edge for every request of that line as the kernel would (after active-low
 * inversion); output writes are recorded with the fake clock's time. {@link #unplug} makes the chip absent and
 * every open request fail; {@link #plug} brings it back. Single-threaded, like the tests.
 */
final class FakeGpioChip implements GpioChip.Opener {
    record Write(int offset, boolean physicalHigh, Instant at) {}

    record Request(int[] offsets, GpioChip.LineSettings settings, boolean output) {}

    private final String path;
    private final Clock clock;
    private final Map<Integer, Boolean> physical = new HashMap<>();
    private final List<Lines> inputs = new ArrayList<>();
    private final List<Write> writes = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private boolean present = true;
    private int generation;

    FakeGpioChip(String path, Clock clock) {
        this.path = path;
        this.clock = clock;
    }

    @Override
    public GpioChip open(String chip) throws IOException {
        if (!present || !chip.equals(path)) {
            throw new IOException(chip + ": open: No such file or directory");
        }
        return new Chip();
    }

    void unplug() {
        present = false;
        generation++;
    }

    void plug() {
        present = true;
    }

    /** Sets the physical level without an edge (before a request: the level the driver reads at connect). */
    void level(int offset, boolean high) {
        physical.put(offset, high);
    }

    /** The line goes to {@code high} at {@code timestampNanos}; no edge if it already is there. */
    void edge(int offset, boolean high, long timestampNanos) {
        if (physical.getOrDefault(offset, false) == high) {
            return;
        }
        physical.put(offset, high);
        for (Lines l : inputs) {
            if (l.has(offset)) {
                l.queued.add(new GpioChip.Edge(offset, high != l.settings.activeLow(), timestampNanos));
            }
        }
    }

    /** The kernel discards {@code n} events of every request of {@code offset} (its buffer overflowed). */
    void lose(int offset, int n) {
        for (Lines l : inputs) {
            if (l.has(offset)) {
                l.lost += n;
            }
        }
    }

    /** A pulse: the line goes to {@code high} at {@code at} and back {@code width} later. */
    void pulse(int offset, boolean high, long at, long width) {
        edge(offset, high, at);
        edge(offset, !high, at + width);
    }

    List<Write> writes() {
        return writes;
    }

    List<Request> requests() {
        return requests;
    }

    boolean physical(int offset) {
        return physical.getOrDefault(offset, false);
    }

    private final class Chip implements GpioChip {
        @Override
        public String path() {
            return path;
        }

        @Override
        public InputLines requestInput(int[] offsets, LineSettings settings) {
            requests.add(new Request(offsets.clone(), settings, false));
            Lines l = new Lines(offsets.clone(), settings, generation);
            inputs.add(l);
            return l;
        }

        @Override
        public OutputLine requestOutput(int offset, LineSettings settings, boolean initial) {
            requests.add(new Request(new int[] {offset}, settings, true));
            Output o = new Output(offset, settings, generation);
            o.write(initial);
            return o;
        }

        @Override
        public void close() {}
    }

    private final class Lines implements GpioChip.InputLines {
        final int[] offsets;
        final GpioChip.LineSettings settings;
        final int born;
        final List<GpioChip.Edge> queued = new ArrayList<>();
        long lost;

        Lines(int[] offsets, GpioChip.LineSettings settings, int born) {
            this.offsets = offsets;
            this.settings = settings;
            this.born = born;
        }

        boolean has(int offset) {
            for (int o : offsets) {
                if (o == offset) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<GpioChip.Edge> awaitEdges(Duration timeout) throws IOException {
            if (born != generation) {
                throw new IOException(path + ": read events: No such device");
            }
            List<GpioChip.Edge> out = List.copyOf(queued);
            queued.clear();
            return out;
        }

        @Override
        public long lostEvents() {
            return lost;
        }

        @Override
        public boolean level(int offset) throws IOException {
            if (born != generation) {
                throw new IOException(path + ": get line " + offset + ": No such device");
            }
            return physical.getOrDefault(offset, false) != settings.activeLow();
        }

        @Override
        public void close() {
            inputs.remove(this);
        }
    }

    private final class Output implements GpioChip.OutputLine {
        final int offset;
        final GpioChip.LineSettings settings;
        final int born;

        Output(int offset, GpioChip.LineSettings settings, int born) {
            this.offset = offset;
            this.settings = settings;
            this.born = born;
        }

        void write(boolean active) {
            boolean high = active != settings.activeLow();
            physical.put(offset, high);
            writes.add(new Write(offset, high, clock.instant()));
        }

        @Override
        public void set(boolean active) throws IOException {
            if (born != generation) {
                throw new IOException(path + ": set line: No such device");
            }
            write(active);
        }

        @Override
        public void close() {}
    }
}

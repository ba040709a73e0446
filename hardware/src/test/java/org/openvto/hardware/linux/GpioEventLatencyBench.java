package org.openvto.hardware.linux;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeEvent;
import org.openvto.facade.io.FacadeInputs;
import org.openvto.facade.io.KeypadKey;
import org.openvto.facade.io.ModuleStatus;

/**
 * Benchmark (bench/gpio-event-latency.sh): an input edge on a fake chip → the door-sensor driver's real reader
 * thread, debounce and contact logic → a {@link FacadeInputs} that publishes a {@link FacadeEvent} on the real
 * {@link EventBus} → a synchronous subscriber. The fake chip hands edges to the reader through a blocking queue
 * (the reader parks and is woken, as it is by {@code poll}); each edge carries its injection time from
 * {@link System#nanoTime} as its timestamp, so the subscriber's latency is {@code nanoTime() - at}. One edge at a
 * time (the next after the previous arrived): this measures per-event latency, not throughput. Not a unit test.
 *
 * <p>Usage: {@code GpioEventLatencyBench [events] [warmup]} (defaults 100000, 20000).
 */
public final class GpioEventLatencyBench {
    private GpioEventLatencyBench() {}

    /** A chip whose one input request is fed from another thread. */
    private static final class QueueChip implements GpioChip, GpioChip.Opener {
        final BlockingQueue<Edge> edges = new LinkedBlockingQueue<>();

        @Override
        public GpioChip open(String path) {
            return this;
        }

        @Override
        public String path() {
            return "/dev/gpiochip-bench";
        }

        @Override
        public InputLines requestInput(int[] offsets, LineSettings settings) {
            return new InputLines() {
                @Override
                public List<Edge> awaitEdges(Duration timeout) throws IOException {
                    try {
                        Edge first = edges.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
                        if (first == null) {
                            return List.of();
                        }
                        List<Edge> out = new ArrayList<>(4);
                        out.add(first);
                        edges.drainTo(out);
                        return out;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }

                @Override
                public long lostEvents() {
                    return 0;
                }

                @Override
                public boolean level(int offset) {
                    return false;
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public OutputLine requestOutput(int offset, LineSettings settings, boolean initial) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }

    /** What the domain does with a door sensor change: publish it. */
    private record BusInputs(EventBus bus) implements FacadeInputs {
        @Override
        public void doorSensor(int door, boolean open, Instant at) {
            bus.publish(new FacadeEvent.DoorSensorChanged(door, open, at));
        }

        @Override
        public void callKey(int module, int key, Instant at) {}

        @Override
        public void keypad(KeypadKey key, Instant at) {}

        @Override
        public void card(String number, String reader, Instant at) {}

        @Override
        public void finger(String template, Instant at) {}

        @Override
        public void tamper(boolean released, Instant at) {}

        @Override
        public void exitButton(int door, Instant at) {}

        @Override
        public void status(int module, ModuleStatus status) {}
    }

    public static void main(String[] args) throws InterruptedException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        EventBus bus = new EventBus();
        AtomicLong delivered = new AtomicLong();
        long[] latencies = new long[events + warmup];
        bus.subscribe(FacadeEvent.DoorSensorChanged.class, e -> {
            long at = e.at().getEpochSecond() * 1_000_000_000L + e.at().getNano();
            latencies[(int) delivered.get()] = System.nanoTime() - at;
            delivered.incrementAndGet();
        });
        QueueChip chip = new QueueChip();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        GpioEnvironment env = new GpioEnvironment(
                chip,
                scheduler,
                task -> Thread.ofPlatform().daemon().name("gpio-reader").start(task),
                Clock.systemUTC(),
                Duration.ofSeconds(1));
        try (GpioContactInput door = new GpioContactInput(
                GpioContactInput.Kind.DOOR_SENSOR, 1, 0, LineConfig.of(chip.path(), 27), new BusInputs(bus), env)) {
            door.start();
            for (int i = 0; i < events + warmup; i++) {
                chip.edges.add(new GpioChip.Edge(27, i % 2 == 0, System.nanoTime()));
                while (delivered.get() <= i) {
                    Thread.onSpinWait();
                }
            }
        }
        scheduler.shutdownNow();
        long[] measured = Arrays.copyOfRange(latencies, warmup, warmup + events);
        Arrays.sort(measured);
        System.out.printf(
                "gpio edge -> EventBus subscriber, %d events (after %d warm-up): p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs,"
                        + " max %.1f µs (target p99 < 1000 µs)%n",
                events,
                warmup,
                micros(measured, 0.50),
                micros(measured, 0.99),
                micros(measured, 0.999),
                measured[measured.length - 1] / 1000.0);
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }
}

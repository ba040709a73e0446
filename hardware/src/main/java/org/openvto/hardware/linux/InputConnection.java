package org.openvto.hardware.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.openvto.facade.io.ModuleStatus;

/**
 * One kernel input request (one or more lines of one chip) kept connected: requests the lines, reads their edges
 * in a loop on the environment's reader executor and hands them to the listener in kernel order; a failed read
 * (device unplugged, chip driver unbound) drops the request and reconnects through a {@link Reconnector}.
 * Thread-safe; the listener is called on the reader thread only.
 */
final class InputConnection {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InputConnection.class);

    /** How long one {@code poll} waits, so a closed connection's reader ends within this. */
    static final Duration POLL = Duration.ofMillis(200);

    interface Listener {
        /** The lines were (re)requested: read the initial levels. */
        void connected(GpioChip.InputLines lines) throws IOException;

        void edge(GpioChip.Edge edge);

        /** The kernel discarded events just before the edges about to be delivered (its buffer was full). */
        default void lost() {}
    }

    private final GpioEnvironment env;
    private final Listener listener;
    private final Reconnector<GpioChip.InputLines> reconnector;
    private long lostSeen; // reader thread only

    InputConnection(
            GpioEnvironment env,
            String chip,
            int[] offsets,
            GpioChip.LineSettings settings,
            Listener listener,
            Consumer<ModuleStatus> status) {
        this.env = env;
        this.listener = listener;
        this.reconnector = new Reconnector<>(
                () -> request(env.opener(), chip, offsets, settings),
                this::connected,
                status,
                env.scheduler(),
                env.retry());
    }

    private static GpioChip.InputLines request(
            GpioChip.Opener opener, String chip, int[] offsets, GpioChip.LineSettings settings) throws IOException {
        try (GpioChip c = opener.open(chip)) {
            return c.requestInput(offsets, settings); // the request's fd outlives the chip's
        }
    }

    private void connected(GpioChip.InputLines lines) {
        lostSeen = 0; // the reader that used it has ended: the lines it read are gone
        try {
            listener.connected(lines);
        } catch (IOException e) {
            reconnector.lost(lines, e);
            return;
        }
        env.readers().execute(() -> {
            while (pumpOnce()) {
                // each pass waits up to POLL for edges
            }
        });
    }

    void start() {
        reconnector.start();
    }

    /** Reads one batch of edges (waiting up to {@link #POLL}); false once disconnected or closed. */
    boolean pumpOnce() {
        GpioChip.InputLines lines = reconnector.current();
        if (lines == null) {
            return false;
        }
        try {
            List<GpioChip.Edge> edges = lines.awaitEdges(POLL);
            long lost = lines.lostEvents();
            if (lost != lostSeen) {
                lostSeen = lost;
                listener.lost();
            }
            for (GpioChip.Edge edge : edges) {
                deliver(edge);
            }
            return true;
        } catch (IOException e) {
            reconnector.lost(lines, e);
            return false;
        }
    }

    /** A failing listener (a subscriber further on) costs that edge, never the reader thread. */
    private void deliver(GpioChip.Edge edge) {
        try {
            listener.edge(edge);
        } catch (RuntimeException e) {
            LOG.warn("Edge on line {} not handled: {}", edge.offset(), e.toString());
        }
    }

    ModuleStatus status() {
        return reconnector.status();
    }

    void close() {
        reconnector.close();
    }
}

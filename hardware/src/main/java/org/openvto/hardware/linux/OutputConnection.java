package org.openvto.hardware.linux;

import java.io.IOException;
import java.util.function.Consumer;
import org.openvto.facade.io.ModuleStatus;

/**
 * One output line kept connected and at the level last asked for: a reconnect requests the line with that level as
 * its initial value, a failed write drops the line and reconnects. Thread-safe.
 */
final class OutputConnection {
    private final Reconnector<GpioChip.OutputLine> reconnector;
    private volatile boolean wanted;

    OutputConnection(GpioEnvironment env, LineConfig line, Consumer<ModuleStatus> status) {
        this.reconnector =
                new Reconnector<>(() -> request(env.opener(), line), l -> {}, status, env.scheduler(), env.retry());
    }

    private GpioChip.OutputLine request(GpioChip.Opener opener, LineConfig line) throws IOException {
        try (GpioChip c = opener.open(line.chip())) {
            return c.requestOutput(line.offset(), line.settings(), wanted);
        }
    }

    void start() {
        reconnector.start();
    }

    /** Drives the line; when it is offline the level is applied on reconnect. */
    synchronized void set(boolean active) {
        wanted = active;
        GpioChip.OutputLine line = reconnector.current();
        if (line == null) {
            return;
        }
        try {
            line.set(active);
        } catch (IOException e) {
            reconnector.lost(line, e);
        }
    }

    boolean wanted() {
        return wanted;
    }

    ModuleStatus status() {
        return reconnector.status();
    }

    void close() {
        reconnector.close();
    }
}

package org.openvto.hardware.linux;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.openvto.facade.io.FacadeOutputs.Indicator;
import org.openvto.facade.io.ModuleStatus;

/**
 * The indicator light module's LEDs (call, talk, unlock) on GPIO output lines; an indicator without a line is
 * only remembered. The composition root delegates {@code FacadeOutputs.indicator} here. A missing chip is retried
 * and the LED set when it returns. Never throws; thread-safe.
 */
public final class GpioIndicators implements AutoCloseable {
    private final Map<Indicator, OutputConnection> lines = new EnumMap<>(Indicator.class);
    private final Set<Indicator> on = EnumSet.noneOf(Indicator.class);

    public GpioIndicators(Map<Indicator, LineConfig> config, GpioEnvironment env) {
        config.forEach((indicator, line) -> lines.put(indicator, new OutputConnection(env, line, s -> {})));
    }

    public void start() {
        lines.values().forEach(OutputConnection::start);
    }

    public synchronized void indicator(Indicator indicator, boolean lit) {
        if (lit) {
            on.add(indicator);
        } else {
            on.remove(indicator);
        }
        OutputConnection line = lines.get(indicator);
        if (line != null) {
            line.set(lit);
        }
    }

    public synchronized Set<Indicator> indicators() {
        return Set.copyOf(on);
    }

    /** The LED's line status; online for an indicator without a line. */
    public ModuleStatus status(Indicator indicator) {
        OutputConnection line = lines.get(indicator);
        return line == null ? ModuleStatus.ONLINE : line.status();
    }

    @Override
    public void close() {
        lines.values().forEach(OutputConnection::close);
    }
}

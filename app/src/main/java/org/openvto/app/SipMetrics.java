package org.openvto.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.openvto.sip.registrar.SipAuthGuard;
import org.openvto.sip.server.SipServer;

/**
 * The building SIP server's figures for {@code /metrics}. Each reads the server running at scrape time (gauges
 * are 0 while it is off). The server is replaced on every settings change, so counters add what earlier
 * servers had counted ({@link #carryOver}): a restart does not look like a counter reset. Thread-safe: the
 * carried sums are guarded by this object, which the supervisor also holds while it swaps servers.
 */
final class SipMetrics {
    private final Supplier<SipServer> running;
    /** Counter figures read from the running server, and what servers before it counted. */
    private final List<ToDoubleFunction<SipServer>> counted = new ArrayList<>();

    private final List<Double> carried = new ArrayList<>();
    private volatile DoubleSupplier activeCalls = () -> 0;
    private volatile DoubleSupplier securityEventsDropped = () -> 0;
    private volatile DoubleSupplier watchdogRestarts = () -> 0;

    SipMetrics(Supplier<SipServer> running) {
        this.running = running;
    }

    /** Adds what {@code old} counted to the carried sums; call (holding this object) as it stops serving. */
    synchronized void carryOver(SipServer old) {
        for (int i = 0; old != null && i < counted.size(); i++) {
            carried.set(i, carried.get(i) + counted.get(i).applyAsDouble(old));
        }
    }

    /**
     * Registers every figure. The suppliers are kept here: Micrometer holds its state objects weakly, and this
     * object lives as long as the supervisor (a bare lambda would be collected and read as NaN).
     */
    void bind(
            MeterRegistry registry,
            DoubleSupplier activeCalls,
            DoubleSupplier securityEventsDropped,
            DoubleSupplier watchdogRestarts) {
        this.activeCalls = activeCalls;
        this.securityEventsDropped = securityEventsDropped;
        this.watchdogRestarts = watchdogRestarts;
        Gauge.builder("openvto.sip.calls.active", this, m -> m.activeCalls.getAsDouble())
                .description("Calls the building SIP server is routing (ringing or answered)")
                .register(registry);
        Gauge.builder(
                        "openvto.sip.registrations",
                        this,
                        m -> m.read(x -> x.locations().size()))
                .description("Registered contacts (bindings) of rooms, VTOs and the management centre")
                .register(registry);
        for (String kind : new String[] {"server", "client"}) {
            int i = kind.equals("server") ? 0 : 1;
            Gauge.builder("openvto.sip.transactions", this, m -> m.read(x -> x.transactionCounts()[i]))
                    .tag("kind", kind)
                    .description("Live SIP transactions")
                    .register(registry);
        }
        String malformed =
                "Malformed SIP messages (requests are answered 400, or 513 when too large; responses dropped)";
        counter("openvto.sip.malformed", x -> x.transport().malformedRequests())
                .tag("message", "request")
                .description(malformed)
                .register(registry);
        counter("openvto.sip.malformed", x -> x.transport().malformedResponses())
                .tag("message", "response")
                .description(malformed)
                .register(registry);
        counter("openvto.sip.processing.failures", x -> x.transport().processingFailures())
                .description("SIP messages dropped because their processing failed (logged, rate-limited)")
                .register(registry);
        counter("openvto.sip.stun", x -> x.transport().stunRequests())
                .description("STUN messages on the SIP port (Binding requests are answered, RFC 5626 §8.4)")
                .register(registry);
        Gauge.builder(
                        "openvto.sip.connections",
                        this,
                        m -> m.read(x -> x.transport().openConnections()))
                .description("Open SIP TCP and TLS connections")
                .register(registry);
        counter("openvto.sip.connections.refused", x -> x.transport().refusedConnections())
                .description("SIP TCP/TLS connections closed at once: per-source or total connection limit")
                .register(registry);
        authCounter(
                registry,
                "openvto.sip.auth.lockouts",
                "(account, source address) pairs locked after wrong passwords",
                SipAuthGuard::lockouts);
        authCounter(
                registry,
                "openvto.sip.auth.locked.refused",
                "Requests refused with 403 because their pair was locked",
                SipAuthGuard::refusedWhileLocked);
        authCounter(
                registry,
                "openvto.sip.flood.bans",
                "Source addresses banned for flooding unauthenticated requests",
                SipAuthGuard::floodBans);
        authCounter(
                registry,
                "openvto.sip.flood.dropped",
                "Requests from banned source addresses dropped unanswered",
                SipAuthGuard::droppedWhileBanned);
        authCounter(
                registry,
                "openvto.sip.auth.evictions",
                "Lockout/flood table entries dropped because a table was full",
                SipAuthGuard::evictions);
        FunctionCounter.builder("openvto.sip.security.events.dropped", this, m -> m.securityEventsDropped.getAsDouble())
                .description("SIP lock/ban events not written to the security log because its queue was full")
                .register(registry);
        FunctionCounter.builder("openvto.sip.watchdog.restarts", this, m -> m.watchdogRestarts.getAsDouble())
                .description("Times the SIP server was restarted because its thread stopped responding")
                .register(registry);
    }

    private void authCounter(
            MeterRegistry registry, String name, String description, ToDoubleFunction<SipAuthGuard> figure) {
        counter(name, x -> figure.applyAsDouble(x.authGuard()))
                .description(description)
                .register(registry);
    }

    /** A counter of the running server's {@code figure}, continued across restarts. */
    private FunctionCounter.Builder<SipMetrics> counter(String name, ToDoubleFunction<SipServer> figure) {
        int slot = counted.size();
        counted.add(figure);
        carried.add(0.0);
        return FunctionCounter.builder(name, this, m -> m.cumulative(slot));
    }

    private synchronized double cumulative(int slot) {
        return carried.get(slot) + read(counted.get(slot));
    }

    private double read(ToDoubleFunction<SipServer> figure) {
        SipServer s = running.get();
        return s == null ? 0 : figure.applyAsDouble(s);
    }
}

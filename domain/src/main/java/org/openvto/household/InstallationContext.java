package org.openvto.household;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.openvto.device.DeviceProperties;
import org.openvto.device.SettingsStore;
import org.openvto.event.EventBus;
import org.openvto.facade.DeviceModel;
import org.openvto.facade.FacadeLayout;
import org.openvto.network.NetworkDefaults;
import org.openvto.network.NetworkSettings;
import org.openvto.network.SipServerSettings;
import org.openvto.security.SecurityEvent;
import org.openvto.validation.Result;

/**
 * What the installer services share: the stores, the factory values, one lock and the announcement of a change.
 * The rules bind the areas together (a VTO No. must not be a room number, the SIP server type decides what the
 * VTO list accepts), so every change of every area runs under the one {@link #locked} lock: a check and its
 * write see the same state. Reads take no lock (each store read is one transaction).
 */
final class InstallationContext {
    final SettingsStore settings;
    final HouseholdStore household;
    private final EventBus bus;
    private final String defaultName;
    private final NetworkDefaults networkDefaults;
    private final int defaultHttpPort;
    private final DeviceModel defaultModel;
    private final ReentrantLock lock = new ReentrantLock();
    /** {@code video.allow-commands}: whether Video &amp; Audio may configure external commands. */
    final boolean commandsAllowed;

    InstallationContext(
            SettingsStore settings,
            HouseholdStore household,
            EventBus bus,
            String defaultName,
            NetworkDefaults networkDefaults,
            int defaultHttpPort,
            DeviceModel defaultModel,
            boolean commandsAllowed) {
        this.commandsAllowed = commandsAllowed;
        this.settings = settings;
        this.household = household;
        this.bus = bus;
        this.defaultName = defaultName;
        this.networkDefaults = networkDefaults;
        this.defaultHttpPort = defaultHttpPort;
        this.defaultModel = defaultModel;
    }

    /** Runs one check-and-write change; changes of all areas are serialised. */
    <T> T locked(Supplier<T> change) {
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    DeviceProperties device() {
        return DeviceKeys.read(settings, defaultName);
    }

    NetworkSettings network() {
        return NetworkKeys.read(settings, networkDefaults, defaultHttpPort);
    }

    SipServerSettings sipServer() {
        return SipServerKeys.read(settings);
    }

    FacadeLayout facade() {
        return FacadeKeys.read(settings, defaultModel);
    }

    org.openvto.video.VideoSettings video() {
        return VideoKeys.read(settings);
    }

    /** The numbers taken by VTOs: the list's Rec Nos. and this VTO's own number. */
    Set<String> vtoNumbers() {
        Set<String> numbers = new HashSet<>();
        household.vtos().forEach(e -> numbers.add(e.recNo()));
        numbers.add(device().vtoNumber());
        return numbers;
    }

    /** Tells the services what to restart, and the security log who changed what from where. */
    Result<Change> changed(String area, Set<Service> restart, String what) {
        Actor actor = Actor.current();
        bus.publish(new ConfigChanged(area, restart, what, actor));
        bus.publish(new SecurityEvent.ConfigurationChanged(actor.username(), actor.source(), area + ": " + what));
        return Result.applied(new Change(restart));
    }

    void publish(org.openvto.event.Event event) {
        bus.publish(event);
    }
}

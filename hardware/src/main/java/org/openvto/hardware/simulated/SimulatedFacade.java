package org.openvto.hardware.simulated;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.openvto.event.EventBus;
import org.openvto.facade.FacadeInputsPublisher;
import org.openvto.facade.FacadeLayout;
import org.openvto.facade.FacadeModule;
import org.openvto.facade.ModuleKind;
import org.openvto.facade.io.FacadeControl;
import org.openvto.facade.io.FacadeEvent;
import org.openvto.facade.io.FacadeOutputs;
import org.openvto.facade.io.KeypadKey;
import org.openvto.facade.io.LockRelay;
import org.openvto.facade.io.ModuleStatus;

/**
 * Every module of the façade, simulated: the default on a PC. Inputs come from {@link FacadeControl} (the virtual
 * façade page and its API) and go to {@link FacadeInputs} exactly as a driver's would; outputs are kept (lit
 * indicators, display lines, the last sound — also handed to {@code speaker}, which plays it when the host has
 * an audio output) and
 * each change is announced as {@link FacadeEvent.OutputChanged}. A module of the layout can be unplugged: it then
 * reports itself offline and takes no input, like a module whose cascade cable is out.
 *
 * <p>Thread-safe. The layout is read from {@code layout} on every action, so a saved layout is live at once;
 * call {@link #layoutChanged} after a save so the status of new modules is reported.
 */
public final class SimulatedFacade implements FacadeOutputs, FacadeControl {
    /** What an unplugged module reports. */
    public static final String UNPLUGGED = "not connected: its cascade cable is unplugged (virtual façade)";

    private final FacadeInputsPublisher inputs;
    private final Supplier<FacadeLayout> layout;
    private final Clock clock;
    private final EventBus bus;
    private final java.util.function.Consumer<Sound> speaker;
    private final java.util.function.BiConsumer<Indicator, Boolean> leds;
    private final List<SimulatedLockRelay> locks;
    private final Set<Integer> unplugged = new HashSet<>();
    /** Why the user port's inputs cannot be simulated on a board whose user port is wired. */
    public static final String USER_PORT_WIRED =
            "The user port (door sensor, exit button, tamper switch) is wired to GPIO lines (hardware.driver: linux): "
                    + "use the real ones";

    /** Modules whose status real drivers report (the user port and readers on a board): not simulated here. */
    private volatile Set<Integer> driven = Set.of();
    /** The kinds in cascade order when the modules were last reported. */
    private List<ModuleKind> cascade = List.of();

    private final Set<Indicator> lit = EnumSet.noneOf(Indicator.class);
    private List<String> display = List.of();
    private Sound lastSound;
    private final java.util.ArrayDeque<FacadeControl.Prompt> prompts = new java.util.ArrayDeque<>();
    private boolean doorOpen;
    private boolean tamperReleased;

    /**
     * @param inputs  where inputs and module status go; the status every driver (this one, or a real one on a
     *                board) last reported is what {@link #state} shows
     * @param speaker plays a sound when the host has an audio output
     * @param leds    lights an indicator LED when the board has one wired (a no-op on a PC)
     */
    public SimulatedFacade(
            FacadeInputsPublisher inputs,
            Supplier<FacadeLayout> layout,
            Clock clock,
            ScheduledExecutorService scheduler,
            EventBus bus,
            java.util.function.Consumer<Sound> speaker,
            java.util.function.BiConsumer<Indicator, Boolean> leds) {
        this.inputs = inputs;
        this.speaker = speaker;
        this.leds = leds;
        this.layout = layout;
        this.clock = clock;
        this.bus = bus;
        this.locks = List.of(
                new SimulatedLockRelay(1, clock, scheduler, () -> changed("lock/1")),
                new SimulatedLockRelay(2, clock, scheduler, () -> changed("lock/2")));
    }

    /** Lock 1 and lock 2 of the user port. */
    public List<LockRelay> locks() {
        return List.copyOf(locks);
    }

    /** Leaves the status of these modules to the real drivers that run them. */
    public void drivenElsewhere(Set<Integer> modules) {
        driven = Set.copyOf(modules);
    }

    /** Reports the status of every module of the current layout (after a start or a saved layout). */
    public void layoutChanged() {
        List<FacadeModule> modules = layout.get().modules();
        List<ModuleKind> kinds = modules.stream().map(FacadeModule::kind).toList();
        synchronized (this) {
            if (!kinds.equals(cascade)) {
                unplugged.clear(); // another column: its cables are all plugged in, none is known to be out
                cascade = kinds;
            }
        }
        for (int i = 0; i < modules.size(); i++) {
            if (!driven.contains(i)) {
                inputs.status(i, statusOf(i));
            }
        }
    }

    private synchronized ModuleStatus statusOf(int module) {
        return unplugged.contains(module) ? ModuleStatus.offline(UNPLUGGED) : ModuleStatus.ONLINE;
    }

    // ---- outputs ----

    @Override
    public void indicator(Indicator indicator, boolean on) {
        synchronized (this) {
            if (on ? !lit.add(indicator) : !lit.remove(indicator)) {
                return; // no change
            }
        }
        leds.accept(indicator, on);
        changed("indicator");
    }

    @Override
    public synchronized Set<Indicator> indicators() {
        return Set.copyOf(lit);
    }

    @Override
    public void display(List<String> lines) {
        synchronized (this) {
            display = List.copyOf(lines);
        }
        changed("display");
    }

    @Override
    public synchronized List<String> displayed() {
        return display;
    }

    @Override
    public void play(Sound sound) {
        synchronized (this) {
            lastSound = sound;
            prompts.addLast(new FacadeControl.Prompt(sound.name(), clock.instant()));
            if (prompts.size() > 32) {
                prompts.removeFirst();
            }
        }
        speaker.accept(sound);
        changed("sound");
    }

    @Override
    public synchronized Optional<Sound> lastPlayed() {
        return Optional.ofNullable(lastSound);
    }

    private void changed(String what) {
        bus.publish(new FacadeEvent.OutputChanged(what, clock.instant()));
    }

    // ---- control: what a person does at the door ----

    @Override
    public Optional<String> pressCallKey(int module, int key) {
        FacadeLayout l = layout.get();
        if (module < 0 || module >= l.modules().size()) {
            return Optional.of("There is no module " + (module + 1) + " in the layout");
        }
        FacadeModule m = l.modules().get(module);
        if (key < 0 || key >= m.kind().callKeys()) {
            return Optional.of("The " + lower(m.kind()) + " has no call key " + (key + 1));
        }
        return usable(module, m.kind()).or(() -> {
            inputs.callKey(module, key, clock.instant());
            return Optional.empty();
        });
    }

    @Override
    public Optional<String> pressKeypad(KeypadKey key) {
        return withModule(ModuleKind.KEYBOARD, () -> inputs.keypad(key, clock.instant()));
    }

    @Override
    public Optional<String> presentCard(String number) {
        if (number == null || !number.matches("[0-9A-Fa-f]{1,20}")) {
            return Optional.of("A card number is 1 to 20 digits (decimal or hexadecimal)");
        }
        return withModule(ModuleKind.CARD, () -> inputs.card(number, "simulated", clock.instant()));
    }

    @Override
    public Optional<String> presentFinger(String template) {
        if (template == null || !template.matches("[A-Za-z0-9_-]{1,64}")) {
            return Optional.of("A fingerprint id is 1 to 64 letters, digits, - or _");
        }
        return withModule(ModuleKind.FINGERPRINT, () -> inputs.finger(template, clock.instant()));
    }

    @Override
    public Optional<String> tamper(boolean released) {
        if (driven.contains(0)) {
            return Optional.of(USER_PORT_WIRED);
        }
        synchronized (this) {
            if (tamperReleased == released) {
                return Optional.empty();
            }
            tamperReleased = released;
        }
        inputs.tamper(released, clock.instant());
        return Optional.empty();
    }

    @Override
    public Optional<String> door(boolean open) {
        if (driven.contains(0)) {
            return Optional.of(USER_PORT_WIRED);
        }
        synchronized (this) {
            if (doorOpen == open) {
                return Optional.empty();
            }
            doorOpen = open;
        }
        inputs.doorSensor(1, open, clock.instant());
        return Optional.empty();
    }

    @Override
    public Optional<String> pressExitButton() {
        if (driven.contains(0)) {
            return Optional.of(USER_PORT_WIRED);
        }
        inputs.exitButton(1, clock.instant());
        return Optional.empty();
    }

    @Override
    public Optional<String> plug(int module, boolean connected) {
        List<FacadeModule> modules = layout.get().modules();
        if (module < 0 || module >= modules.size()) {
            return Optional.of("There is no module " + (module + 1) + " in the layout");
        }
        if (module == 0) {
            return Optional.of("The camera module is the VTO itself: it cannot be unplugged");
        }
        synchronized (this) {
            if (connected) {
                unplugged.remove(module);
            } else {
                unplugged.add(module);
            }
        }
        inputs.status(module, statusOf(module));
        return Optional.empty();
    }

    @Override
    public FacadeState state() {
        List<ModuleStatus> statuses = inputs.statuses(layout.get().modules().size());
        List<LockRelay.State> lockStates =
                locks.stream().map(SimulatedLockRelay::state).toList();
        synchronized (this) {
            return new FacadeState(
                    statuses,
                    Set.copyOf(lit),
                    display,
                    Optional.ofNullable(lastSound),
                    lockStates,
                    doorOpen,
                    tamperReleased,
                    List.copyOf(prompts));
        }
    }

    /** Runs {@code input} when the layout has a connected module of {@code kind}; else says why not. */
    private Optional<String> withModule(ModuleKind kind, Runnable input) {
        List<FacadeModule> modules = layout.get().modules();
        for (int i = 0; i < modules.size(); i++) {
            if (modules.get(i).kind() == kind) {
                Optional<String> refused = usable(i, kind);
                if (refused.isEmpty()) {
                    input.run();
                }
                return refused;
            }
        }
        return Optional.of("The layout has no " + lower(kind) + " (Local Setting › Basic › Façade Layout)");
    }

    private Optional<String> usable(int module, ModuleKind kind) {
        return statusOf(module).online()
                ? Optional.empty()
                : Optional.of("The " + lower(kind) + " is offline: " + UNPLUGGED);
    }

    private static String lower(ModuleKind kind) {
        return kind.label().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                + kind.label().substring(1);
    }
}

package org.openvto.facade.io;

import java.util.List;
import java.util.Optional;

/**
 * Operating the façade by hand: what a person does at the door, from the virtual façade page or its REST API.
 * The simulated drivers implement it on a PC. An action a module cannot take now (not in the layout, unplugged)
 * is refused with the reason and changes nothing. Thread-safe.
 */
public interface FacadeControl {
    /** Empty when done, else why not ("the card swiping module is unplugged"). */
    Optional<String> pressCallKey(int module, int key);

    Optional<String> pressKeypad(KeypadKey key);

    Optional<String> presentCard(String number);

    Optional<String> presentFinger(String template);

    /** Pulls the VTO off the wall ({@code true}) or puts it back. */
    Optional<String> tamper(boolean released);

    Optional<String> door(boolean open);

    Optional<String> pressExitButton();

    /** Unplugs ({@code false}) or replugs the cascade cable of module {@code module}; the camera module stays. */
    Optional<String> plug(int module, boolean connected);

    /** What the façade shows and senses now. */
    FacadeState state();

    /**
     * @param modules  the status of each module of the layout, in cascade order
     * @param tamperReleased the VTO is off the wall
     * @param prompts the last sounds played with when, oldest first (the prompt log, at most 32)
     */
    record FacadeState(
            List<ModuleStatus> modules,
            java.util.Set<FacadeOutputs.Indicator> indicators,
            List<String> display,
            Optional<FacadeOutputs.Sound> lastSound,
            List<LockRelay.State> locks,
            boolean doorOpen,
            boolean tamperReleased,
            List<Prompt> prompts) {}

    /** A sound played at {@code at}. */
    record Prompt(String name, java.time.Instant at) {}
}

package org.openvto.facade.io;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the VTO drives on its façade besides the locks: the indicator light module, the display module and the
 * speaker. Thread-safe; never throws. Each output also says what it shows now, for the virtual façade and tests.
 */
public interface FacadeOutputs {
    enum Indicator {
        CALL,
        TALK,
        UNLOCK
    }

    /** A tone or a spoken prompt; {@code name} as in {@code prompts/<name>.wav}, e.g. {@code ringback}. */
    record Sound(String name) {}

    void indicator(Indicator indicator, boolean on);

    Set<Indicator> indicators();

    /** Shows these lines on the display module (the user directory, a message). */
    void display(List<String> lines);

    List<String> displayed();

    /** Plays on the speaker when there is an audio device; otherwise only recorded as the last sound played. */
    void play(Sound sound);

    Optional<Sound> lastPlayed();
}

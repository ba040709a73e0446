package org.openvto.facade.io;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Façade outputs that only remember: the indicators lit, the sounds played (by name) and the display's lines. */
public final class RecordingOutputs implements FacadeOutputs {
    public final Set<Indicator> lit = EnumSet.noneOf(Indicator.class);
    public final List<String> played = new ArrayList<>();
    public List<String> display = List.of();

    @Override
    public void indicator(Indicator indicator, boolean on) {
        if (on) {
            lit.add(indicator);
        } else {
            lit.remove(indicator);
        }
    }

    @Override
    public Set<Indicator> indicators() {
        return Set.copyOf(lit);
    }

    @Override
    public void display(List<String> lines) {
        display = lines;
    }

    @Override
    public List<String> displayed() {
        return display;
    }

    @Override
    public void play(Sound sound) {
        played.add(sound.name());
    }

    @Override
    public Optional<Sound> lastPlayed() {
        return played.isEmpty() ? Optional.empty() : Optional.of(new Sound(played.getLast()));
    }
}

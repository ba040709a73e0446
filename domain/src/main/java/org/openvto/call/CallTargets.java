package org.openvto.call;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which numbers a visitor may call besides the centre (Quick Start Guide 4.2.5 VTO No. Management, 4.2.6 Room No.
 * Management): a room of the household ({@code 101}) or another VTO of the VTO list ({@code 8002}). The app answers
 * from the household (rooms by their number before {@code #}; the VTO list without this VTO). Called on the calls
 * thread for every dial: answer from memory, never block.
 */
@FunctionalInterface
public interface CallTargets {
    enum Kind {
        ROOM,
        VTO
    }

    /** What {@code number} is, or empty when it is neither a room nor a VTO of this building. */
    Optional<Kind> kind(String number);

    /** Rooms and VTOs read from the suppliers at every lookup (they change when the installer saves a list). */
    static CallTargets of(Supplier<? extends Collection<String>> rooms, Supplier<? extends Collection<String>> vtos) {
        return number -> rooms.get().contains(number)
                ? Optional.of(Kind.ROOM)
                : vtos.get().contains(number) ? Optional.of(Kind.VTO) : Optional.empty();
    }
}

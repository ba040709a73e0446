package org.openvto.facade;

import java.util.List;

/**
 * The display module's user directory (Quick Start Guide 2.4, 2.8): the rooms with their residents' names, one
 * entry shown at a time, scrolled by the keyboard's selection buttons. Wraps around at both ends. Not
 * thread-safe: owned by {@link FacadeFeedback}, which serialises access.
 */
final class UserDirectory {
    /** One line of the directory: {@code 101 · Ann Smith}. */
    record Entry(String room, String name) {
        String line() {
            return name.isEmpty() ? room : room + " · " + name;
        }
    }

    private List<Entry> entries = List.of();
    private int cursor;

    void replace(List<Entry> next) {
        entries = List.copyOf(next);
        cursor = entries.isEmpty() ? 0 : Math.min(cursor, entries.size() - 1);
    }

    void next() {
        if (!entries.isEmpty()) {
            cursor = (cursor + 1) % entries.size();
        }
    }

    void previous() {
        if (!entries.isEmpty()) {
            cursor = (cursor - 1 + entries.size()) % entries.size();
        }
    }

    /** What the display shows: the current entry and its place, or that there is nobody to call. */
    List<String> lines() {
        if (entries.isEmpty()) {
            return List.of("No residents", "");
        }
        return List.of(entries.get(cursor).line(), (cursor + 1) + " / " + entries.size());
    }
}

package org.openvto.facade.io;

import java.time.Instant;
import org.openvto.event.Event;

/**
 * What happened at the façade, as typed events on the bus: access control, alarms, calls and the event stream
 * subscribe to these. Published on the reporting driver's thread; subscribers must not block (slow ones subscribe
 * asynchronously).
 */
public sealed interface FacadeEvent extends Event {
    Instant at();

    /** @param room the room the key calls, or empty when the key is unassigned (or its room was deleted) */
    record CallKeyPressed(int module, int key, String room, Instant at) implements FacadeEvent {
        @Override
        public String topic() {
            return "facade/key/pressed";
        }
    }

    record KeypadPressed(KeypadKey key, Instant at) implements FacadeEvent {
        @Override
        public String topic() {
            return "facade/keypad/pressed";
        }
    }

    record CardPresented(String number, String reader, Instant at) implements FacadeEvent {
        @Override
        public String topic() {
            return "facade/card/presented";
        }
    }

    record FingerPresented(String template, Instant at) implements FacadeEvent {
        @Override
        public String topic() {
            return "facade/finger/presented";
        }
    }

    record TamperChanged(boolean released, Instant at) implements FacadeEvent {
        @Override
        public String topic() {
            return released ? "facade/tamper/released" : "facade/tamper/restored";
        }
    }

    record DoorSensorChanged(int door, boolean open, Instant at) implements FacadeEvent {
        @Override
        public String topic() {
            return "door/" + door + (open ? "/opened" : "/closed");
        }
    }

    record ExitButtonPressed(int door, Instant at) implements FacadeEvent {
        @Override
        public String topic() {
            return "door/" + door + "/exit-button";
        }
    }

    record ModuleStatusChanged(int module, String kind, ModuleStatus status, Instant at) implements FacadeEvent {
        @Override
        public String topic() {
            return "facade/module/" + module + (status.online() ? "/online" : "/offline");
        }
    }

    /**
     * An output changed: an indicator light, the display, the sound played, or a lock relay ({@code what} is
     * {@code indicator}, {@code display}, {@code sound} or {@code lock/1}); the state itself is read from the
     * outputs. Lets the virtual façade and other watchers follow without polling.
     */
    record OutputChanged(String what, Instant at) implements FacadeEvent {
        @Override
        public String topic() {
            return "facade/output/" + what;
        }
    }
}

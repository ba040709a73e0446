package org.openvto.hardware.linux;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openvto.facade.io.FacadeInputs;
import org.openvto.facade.io.KeypadKey;
import org.openvto.facade.io.ModuleStatus;

/** Records what the drivers report, one line each, e.g. {@code door 1 open @1970-01-01T00:00:00.001Z}. */
final class RecordingInputs implements FacadeInputs {
    final List<String> events = new ArrayList<>();
    final List<ModuleStatus> statuses = new ArrayList<>();

    @Override
    public void callKey(int module, int key, Instant at) {
        events.add("call " + module + "/" + key + " @" + at);
    }

    @Override
    public void keypad(KeypadKey key, Instant at) {
        events.add("key " + key.symbol() + " @" + at);
    }

    @Override
    public void card(String number, String reader, Instant at) {
        events.add("card " + number + " " + reader + " @" + at);
    }

    @Override
    public void finger(String template, Instant at) {
        events.add("finger " + template + " @" + at);
    }

    @Override
    public void tamper(boolean released, Instant at) {
        events.add("tamper " + (released ? "released" : "restored") + " @" + at);
    }

    @Override
    public void doorSensor(int door, boolean open, Instant at) {
        events.add("door " + door + (open ? " open" : " closed") + " @" + at);
    }

    @Override
    public void exitButton(int door, Instant at) {
        events.add("exit " + door + " @" + at);
    }

    @Override
    public void status(int module, ModuleStatus status) {
        statuses.add(status);
    }

    /** {@code "@" + instant} of {@code millis} after the epoch plus {@code micros}: how kernel timestamps print. */
    static String at(long millis) {
        return "@" + Instant.ofEpochMilli(millis);
    }
}

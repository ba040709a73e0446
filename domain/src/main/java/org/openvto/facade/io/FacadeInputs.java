package org.openvto.facade.io;

import java.time.Instant;

/**
 * Where the drivers of the façade's modules report what happened at the door. Implemented by the domain, which
 * resolves call keys to rooms and publishes the typed events ({@link FacadeEvent}). Every method is called on a
 * driver's thread, returns at once and never throws; {@code at} is when the input happened (the kernel's edge
 * timestamp on Linux GPIO), not when it was reported.
 *
 * @see FacadeEvent
 */
public interface FacadeInputs {
    /** Call key {@code key} (0-based) of module {@code module} (0-based cascade position) was pressed. */
    void callKey(int module, int key, Instant at);

    void keypad(KeypadKey key, Instant at);

    /** A card was presented: its number as the reader gives it (Wiegand: facility and card code as one number). */
    void card(String number, String reader, Instant at);

    /** A finger was presented; {@code template} identifies the enrolled finger the reader matched, or its raw id. */
    void finger(String template, Instant at);

    /** The tamper switch was released (device pulled off the wall) or pressed again. */
    void tamper(boolean released, Instant at);

    void doorSensor(int door, boolean open, Instant at);

    void exitButton(int door, Instant at);

    /** Module {@code module} went online or offline. */
    void status(int module, ModuleStatus status);
}

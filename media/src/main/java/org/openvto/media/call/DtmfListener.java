package org.openvto.media.call;

/**
 * Receives the keys a party presses (RFC 4733 telephone-events 0–9, {@code *}, {@code #}, A–D), once per key press
 * however many redundant packets carried it. Called on a Netty event-loop thread: it must return at once (hand the
 * digit to another thread, e.g. an event bus's async queue) and not call back into the call's {@code close}.
 */
@FunctionalInterface
public interface DtmfListener {
    void digit(String peerId, char digit);

    DtmfListener NONE = (peer, digit) -> {};
}

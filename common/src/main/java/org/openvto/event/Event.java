package org.openvto.event;

/**
 * A fact that happened inside the VTO, published on the {@link EventBus}.
 *
 * <p>Events are immutable records. Their {@link #topic()} is a slash-separated path such as
 * {@code door/1/opened}, {@code call/42/answered} or {@code security/login/failed}; subscribers
 * select by topic prefix or by type.
 */
public interface Event {
    /** Slash-separated topic, most general segment first (e.g. {@code security/login/failed}). */
    String topic();
}

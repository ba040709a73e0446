/**
 * The VTO's internal, typed publish/subscribe bus. An {@link org.openvto.event.Event} is an immutable fact
 * with a slash-separated topic ({@code security/login/failed}, {@code config/network/changed},
 * {@code call/<Call-ID>/answered}); {@link org.openvto.event.EventBus} delivers it synchronously, in the
 * publisher's thread and in subscription order, so a subscriber that persists it (the security log) has
 * written it before the publisher reports success, and a throwing subscriber is logged without stopping the
 * others. The concrete events are records defined in the domain ({@code SecurityEvent}, {@code ConfigChanged},
 * {@code CallStateChanged}), not here. Part of the {@code common} module: depends only on the JDK and SLF4J,
 * never on application code.
 */
package org.openvto.event;

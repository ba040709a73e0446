/**
 * Start-up configuration errors and the range checks behind them, shared by every module's configuration
 * record. {@link org.openvto.config.ConfigException} carries the dotted key at fault (e.g. {@code http.port})
 * at the start of its message, and {@link org.openvto.config.ConfigChecks} ({@code inRange}, {@code port},
 * {@code notBlank}) throws it with the allowed range, so a wrong value stops the VTO with a message naming the
 * line to fix. Part of the {@code common} module at the bottom of the layering: it depends on nothing but the
 * JDK.
 */
package org.openvto.config;

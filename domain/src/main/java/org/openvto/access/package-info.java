/**
 * Access control (Quick Start Guide 1.2 "Unlock: card, fingerprint, password and remote unlock"): who may open
 * the door when — {@link org.openvto.access.WeeklySchedule} — and the keypad's lock against guessing
 * ({@link org.openvto.access.KeypadLockout}). Domain layer: depends only on the JDK and {@code common}.
 */
package org.openvto.access;

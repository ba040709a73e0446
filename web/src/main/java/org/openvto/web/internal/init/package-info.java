/**
 * Device Init (Quick Start Guide 4.2.1): the password and e-mail steps, with the prepared password parked under a random token until the last step ({@code PendingInits}), and {@code POST /api/v1/init}. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.init;

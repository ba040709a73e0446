/**
 * The Login page (Quick Start Guide Figure 4-2) and logout, with the lockout messages. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.login;

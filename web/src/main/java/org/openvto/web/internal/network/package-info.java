/**
 * Network Setting › Basic (Quick Start Guide 4.2.3): the TCP/IP page, which answers the reconnect page when the web server moves, and {@code /api/v1/network}. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.network;

/**
 * Network Setting › SIP Server (Quick Start Guide 4.2.4, Table 4-1): the page (with the Alternate Server lock) and {@code /api/v1/sip-server}, which never returns a password. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.sipserver;

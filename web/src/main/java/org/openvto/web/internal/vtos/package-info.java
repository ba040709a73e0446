/**
 * Household Setting › VTO No. Management (Quick Start Guide 4.2.5): the list page with add, modify and delete, each VTO's registration status, and {@code /api/v1/vtos}. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.vtos;

/**
 * Local Setting › Basic › Device Properties (Quick Start Guide 4.2.2, 4.2.4): the console page with its view record and {@code /api/v1/device} (identity) and {@code /api/v1/device/properties}. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.device;

/**
 * Local Setting › System: configuration backup and restore (the page's import, {@code /api/v1/config/export|import}) and Reboot (page and {@code /api/v1/system/reboot}). Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.system;

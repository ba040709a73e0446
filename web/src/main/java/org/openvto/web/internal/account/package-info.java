/**
 * Local Setting › Security: the logged-in user changes their password, on the page and through {@code /api/v1/account/password}. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.account;

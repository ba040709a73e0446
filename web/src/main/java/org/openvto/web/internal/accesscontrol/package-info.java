/**
 * Local Setting › Access Control: the page and {@code /api/v1/access-control} (the unlock and door-sensor
 * parameters, the public unlock password), and the remote unlock {@code POST /api/v1/doors/{lock}/open} (with the
 * Dahua {@code accessControl.cgi?action=openDoor}). Part of the console; depends only on the shared plumbing of
 * {@code org.openvto.web.internal}.
 */
package org.openvto.web.internal.accesscontrol;

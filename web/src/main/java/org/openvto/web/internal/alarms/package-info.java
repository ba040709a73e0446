/**
 * The Alarm page: the alarms not yet cleared, live (the page follows {@code alarm/…} on the event stream), and
 * acknowledging one ({@code GET /api/v1/alarms}, {@code POST /api/v1/alarms/{id}/acknowledge}); the centre's
 * outbox status. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal}.
 */
package org.openvto.web.internal.alarms;

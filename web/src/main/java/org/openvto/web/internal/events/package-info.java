/**
 * The live event stream of the API ({@code /api/v1/events}, Server-Sent Events): typed bus events by topic, each
 * client on its own bounded queue. Depends only on the shared plumbing of {@code org.openvto.web.internal}.
 */
package org.openvto.web.internal.events;

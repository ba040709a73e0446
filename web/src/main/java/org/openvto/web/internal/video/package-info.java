/**
 * Local Setting › Video &amp; Audio: the page ({@code /console/local/video-audio}, with a live preview and each
 * stream's measured frame rate and encoder CPU share, refreshed by htmx) and {@code /api/v1/video} (settings) and
 * {@code /api/v1/video/status}. Part of the console; depends only on the shared plumbing of
 * {@code org.openvto.web.internal}.
 */
package org.openvto.web.internal.video;

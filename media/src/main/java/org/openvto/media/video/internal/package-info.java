/**
 * Helpers of the video sources, not API: colour conversion, the test scene, JPEG, a frame-level rate control for
 * JCodec, access-unit assembly of external streams and key-frame decoding for snapshots.
 */
package org.openvto.media.video.internal;

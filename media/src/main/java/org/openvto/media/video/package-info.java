/**
 * Video sources and their fan-out: {@link org.openvto.media.video.VideoSource} (test camera, external encoder,
 * RTSP relay) produces {@link org.openvto.media.video.AccessUnit}s; {@link org.openvto.media.video.EncodedStream}
 * encodes on demand, keeps the current group of pictures for new viewers and hands every viewer the same encoded
 * pictures. Bytes and pictures only: no application imports.
 */
package org.openvto.media.video;

/**
 * Video sources and their fan-out: {@link org.openvto.media.video.VideoSource} (test camera, external encoder,
 * RTSP relay) produces {@link org.openvto.media.video.AccessUnit}s; {@link org.openvto.media.video.EncodedStream}
 * encodes on demand, keeps the current group of pictures for new viewers and hands every viewer the same encoded
 * pictures. Sources: {@link org.openvto.media.video.TestCamera} (built in, pure Java: a drawn scene encoded by
 * JCodec) and {@link org.openvto.media.video.CommandSource} (an external encoder's Annex-B stdout). Bytes and
 * pictures only: no application imports; JDK and JCodec.
 */
package org.openvto.media.video;

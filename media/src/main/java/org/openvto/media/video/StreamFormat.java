package org.openvto.media.video;

/**
 * What a stream carries, as a viewer's SDP describes it.
 *
 * @param width picture width in pixels
 * @param height picture height in pixels
 * @param fps nominal frame rate
 * @param sps the sequence parameter set NAL unit (no start code)
 * @param pps the picture parameter set NAL unit (no start code)
 */
public record StreamFormat(int width, int height, int fps, byte[] sps, byte[] pps) {}

/**
 * The door station's optional audio track: {@link org.openvto.media.audio.AudioSource} produces 20 ms frames of
 * G.711 A-law (PCMA, RTP payload type 8, 8,000 Hz; RFC 3551 §4.5.14), from {@link org.openvto.media.audio.ToneSource}
 * (a quiet tone or silence, pure Java, for a PC) or {@link org.openvto.media.audio.CommandAudioSource} (an external
 * capture command on a board). The RTSP server sends it as a second track. Implementation in {@code .internal}.
 */
package org.openvto.media.audio;

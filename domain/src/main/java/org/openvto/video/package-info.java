/**
 * Local Setting › Video &amp; Audio as the installer enters it: where the door camera's pictures come from
 * ({@link org.openvto.video.SourceKind}: the built-in test camera, an external encoder command, or a relayed RTSP
 * camera), the main and sub stream's encoding ({@link org.openvto.video.StreamSettings}), the device-wide stream
 * limit (Quick Start Guide 1.2: at most 6) and the optional audio track ({@link org.openvto.video.AudioKind}), with
 * their rules ({@link org.openvto.video.VideoRules}) and the argument splitting of commands
 * ({@link org.openvto.video.CommandLine}). Plain values: the media code that acts on them lives in the app's
 * composition root. Domain layer: it must not import web, storage, the app module, Netty or the media module.
 */
package org.openvto.video;

package org.openvto.app.video;

/**
 * The {@code video.*} keys of the configuration file (documented in defaults.yaml); everything else about the camera
 * is on the Video &amp; Audio page.
 *
 * @param allowCommands whether the page may configure external commands (encoder, audio capture): they run as the
 *     VTO's system user, so a console password alone must not be enough
 */
public record VideoConfig(boolean allowCommands) {}

/**
 * External commands as media sources: {@link org.openvto.media.command.CommandRunner} runs one while it is wanted,
 * restarts it with back-off when it exits, keeps its last stderr line for the status, and kills its process tree on
 * stop. Used by the video {@code CommandSource} and the audio {@code CommandAudioSource}.
 */
package org.openvto.media.command;

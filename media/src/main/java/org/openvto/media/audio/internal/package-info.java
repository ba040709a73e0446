/** The audio sources' parts: the A-law encoder ({@code ALaw}) and the listener fan-out with demand ({@code FanOut}). */
package org.openvto.media.audio.internal;

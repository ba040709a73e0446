package org.openvto.media.call;

/** Whether a party of a call gets our video. */
public enum VideoState {
    /** It negotiated no video, or does not want ours (no send direction). */
    NONE,
    /** It holds a stream slot and gets the camera from the next key frame on. */
    SENDING,
    /** It asked for video but the device-wide stream limit was reached: it gets none (and holds no slot). */
    NO_SLOT
}

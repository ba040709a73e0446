/** SDP (RFC 8866) as this device writes it: RTSP DESCRIBE answers, later call offers and answers. */
package org.openvto.media.sdp;

package org.openvto.media.sdp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.openvto.media.sdp.internal.SdpReader;

/**
 * Reads a session description (RFC 8866) from a SIP body. Malformed input is a {@link Result.Malformed} value with a
 * reason naming the line, never an exception. Stateless and thread-safe.
 *
 * <p>Tolerated: LF-only line ends, blank lines, trailing blanks, runs of blanks between fields, lines out of the RFC
 * 8866 §5 order within a section, {@code s=} or {@code t=} missing, unknown attributes, the {@code i=}, {@code u=},
 * {@code e=}, {@code p=}, {@code b=}, {@code r=}, {@code z=} and {@code k=} lines (kept, not interpreted). Refused:
 * more than the limits below; anything not UTF-8 (§5); control characters; a line that is not
 * {@code <letter>=<value>}; a type letter RFC 8866 does not define (§5: a parser "MUST completely ignore or reject"
 * such a description); {@code v=0} not first or {@code o=} not second; a second {@code v=}, {@code o=}, {@code s=} or
 * section {@code c=}; a session-level line after the first {@code m=}; no {@code m=}; a bad {@code o=}, {@code c=} or
 * {@code m=} line (port not 0–65535, RTP payload type not 0–127, no format on a used stream); a stream with a
 * non-zero port and no {@code c=} at media or session level (§5.7); an {@code rtpmap}, {@code fmtp}, {@code ptime},
 * {@code rtcp} (RFC 3605), {@code rtcp-mux} or direction attribute this package cannot read, or given twice.
 */
public final class SdpParser {
    /** The largest body read, in bytes (a SIP offer is typically under 1,500). */
    public static final int MAX_BYTES = 8 * 1024;

    /** The longest line, in characters, its line end not counted. */
    public static final int MAX_LINE = 1024;

    /** The most {@code m=} sections (a door-station call has two). */
    public static final int MAX_MEDIA = 8;

    /** The most {@code a=} lines in the session section and in each media section. */
    public static final int MAX_ATTRIBUTES = 64;

    private SdpParser() {}

    /** What a body is: a description, or why it is not one. */
    public sealed interface Result {
        record Parsed(Sdp sdp) implements Result {}

        record Malformed(String reason) implements Result {}
    }

    /** Reads a body as received: UTF-8 bytes. */
    public static Result parse(byte[] body) {
        if (body.length > MAX_BYTES) {
            return new Result.Malformed("larger than " + MAX_BYTES + " bytes: " + body.length);
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return SdpReader.read(text);
        } catch (CharacterCodingException e) {
            return new Result.Malformed("not UTF-8 text (RFC 8866 §5)");
        }
    }

    /** Reads a body already decoded; the size limit applies to its UTF-8 form. */
    public static Result parse(String body) {
        if (body.length() > MAX_BYTES || body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return new Result.Malformed("larger than " + MAX_BYTES + " bytes");
        }
        return SdpReader.read(body);
    }
}

package org.openvto.sip.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames SIP messages on a byte stream (TCP, TLS, RFC 3261 §18.3) and emits one {@link SipDecodeResult}
 * per message.
 *
 * <p>A message is the start line and headers up to the first empty line, followed by exactly
 * Content-Length body bytes. CR/LF bytes between messages — RFC 5626 CRLF keep-alives, or stray line
 * ends — are skipped. Header validation is that of {@link SipMessageDecoder}; a message that is
 * malformed but correctly framed yields {@code Malformed} and decoding continues with the next message.
 *
 * <p>Framing errors make the rest of the stream meaningless, so the decoder emits one {@code Malformed}
 * and then discards every further byte; {@link #isFramingLost()} becomes true and the connection should
 * be closed. Framing errors are: a missing, duplicate or non-numeric Content-Length (it is mandatory on
 * streams); Content-Length above {@code maxBodyLength}; head plus body above {@code maxMessageLength};
 * a physical line longer than {@code maxLineLength} or no end of headers within {@code
 * maxMessageLength}. Memory held per connection is therefore bounded by {@code maxMessageLength}.
 *
 * <p>Not sharable: one instance per channel, used only from its event loop. The search for the end of
 * the headers resumes where the previous read stopped, so trickling bytes costs O(n) overall.
 */
public final class SipStreamDecoder extends ByteToMessageDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(SipStreamDecoder.class);

    private final SipMessageDecoder parser;
    private final SipLimits limits;
    private final HeadScanner scanner = new HeadScanner();

    /** Bytes of the current head already scanned, relative to the reader index. */
    private int scanned;

    private SipMessageDecoder.Head head;
    private int headLength;
    private boolean framingLost;
    private byte[] scratch = new byte[1024];
    /** Line ends skipped between messages since the last ping; two make a CRLFCRLF keep-alive. */
    private int lineEnds;

    public SipStreamDecoder() {
        this(SipLimits.DEFAULT);
    }

    public SipStreamDecoder(SipLimits limits) {
        this.parser = new SipMessageDecoder(limits);
        this.limits = limits;
    }

    /** True once a framing error was reported; all further input is discarded. */
    public boolean isFramingLost() {
        return framingLost;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (framingLost) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            decodeOne(in, out);
        } catch (RuntimeException e) {
            lose(in, out, SipMessageDecoder.internalError(e, true));
        }
    }

    private void decodeOne(ByteBuf in, List<Object> out) {
        if (head == null) {
            if (scanned == 0) {
                while (in.isReadable()) {
                    byte c = in.getByte(in.readerIndex());
                    if (c != '\r' && c != '\n') {
                        break;
                    }
                    in.skipBytes(1);
                    if (c == '\n' && ++lineEnds == 2) { // CRLFCRLF, possibly split over reads: a ping
                        lineEnds = 0;
                        out.add(SipDecodeResult.KeepAlive.INSTANCE);
                    }
                }
                if (!in.isReadable()) {
                    return;
                }
                lineEnds = 0;
                scanner.reset(limits.maxLineLength());
            }
            int start = in.readerIndex();
            int readable = in.readableBytes();
            int found = in.forEachByte(start + scanned, readable - scanned, scanner);
            if (scanner.lineTooLong) {
                lose(
                        in,
                        out,
                        tooLarge(
                                in,
                                start,
                                found < 0 ? readable : found - start,
                                "line exceeds maxLineLength (" + limits.maxLineLength() + ") before end of headers"));
                return;
            }
            if (found < 0) {
                scanned = readable;
                if (scanned > limits.maxMessageLength()) {
                    lose(
                            in,
                            out,
                            tooLarge(
                                    in,
                                    start,
                                    readable,
                                    "no end of headers within maxMessageLength (" + limits.maxMessageLength() + ")"));
                }
                return;
            }
            scanned = 0;
            headLength = found + 1 - start;
            if (headLength > limits.maxMessageLength()) {
                lose(
                        in,
                        out,
                        tooLarge(
                                in,
                                start,
                                headLength,
                                "headers exceed maxMessageLength (" + limits.maxMessageLength() + ")"));
                return;
            }
            SipMessageDecoder.Head h = parseHead(in, start, headLength);
            if (!h.contentLengthValid || h.contentLength < 0) {
                String why = h.contentLengthValid
                        ? "missing Content-Length (mandatory on stream transports, RFC 3261 §18.3)"
                        : h.contentLengthError;
                h.error = null;
                h.fail(why);
                lose(in, out, h.malformed(null));
                return;
            }
            if (h.contentLength > limits.maxBodyLength()) {
                lose(
                        in,
                        out,
                        tooLarge(
                                h,
                                "Content-Length (" + h.contentLength + ") exceeds maxBodyLength ("
                                        + limits.maxBodyLength() + ")"));
                return;
            }
            if (headLength + h.contentLength > limits.maxMessageLength()) {
                lose(
                        in,
                        out,
                        tooLarge(
                                h,
                                "message of " + (headLength + h.contentLength) + " bytes exceeds maxMessageLength ("
                                        + limits.maxMessageLength() + ")"));
                return;
            }
            head = h;
        }
        int bodyLength = (int) head.contentLength;
        if (in.readableBytes() < headLength + bodyLength) {
            return;
        }
        byte[] body = new byte[bodyLength];
        in.getBytes(in.readerIndex() + headLength, body);
        in.skipBytes(headLength + bodyLength);
        SipMessageDecoder.Head h = head;
        head = null;
        out.add(h.error == null ? new SipDecodeResult.Decoded(h.build(body)) : h.malformed(body));
    }

    private SipMessageDecoder.Head parseHead(ByteBuf in, int start, int length) {
        if (in.hasArray()) {
            int off = in.arrayOffset() + start;
            return parser.parseHead(in.array(), off, off + length);
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        in.getBytes(start, scratch, 0, length);
        return parser.parseHead(scratch, 0, length);
    }

    /**
     * A size-limit failure with whatever complete header lines came before it, so that the request can still be
     * answered 513 when its Via, From, To, Call-ID and CSeq were among them.
     */
    private SipDecodeResult.Malformed tooLarge(ByteBuf in, int start, int length, String reason) {
        int end = start + Math.min(length, in.readableBytes());
        int lastLf = in.forEachByteDesc(start, end - start, ByteProcessor.FIND_LF);
        if (lastLf < 0) {
            return new SipDecodeResult.Malformed(reason, looksLikeRequest(in), null, true);
        }
        return tooLarge(parseHead(in, start, lastLf + 1 - start), reason);
    }

    private static SipDecodeResult.Malformed tooLarge(SipMessageDecoder.Head h, String reason) {
        h.error = null;
        h.fail(reason);
        SipDecodeResult.Malformed m = h.malformed(null);
        return new SipDecodeResult.Malformed(m.reason(), m.request(), m.partialOrNull(), true);
    }

    private void lose(ByteBuf in, List<Object> out, SipDecodeResult.Malformed result) {
        framingLost = true;
        head = null;
        scanned = 0;
        in.skipBytes(in.readableBytes());
        LOG.debug("SIP stream framing lost: {}", result.reason());
        out.add(result);
    }

    private static boolean looksLikeRequest(ByteBuf in) {
        int n = Math.min(in.readableBytes(), 4);
        byte[] b = new byte[n];
        in.getBytes(in.readerIndex(), b);
        return SipMessageDecoder.looksLikeRequest(b, 0, n);
    }

    /** Finds the LF that ends the empty line after the headers; tracks physical line length. */
    private static final class HeadScanner implements ByteProcessor {
        private int lineLength;
        private int maxLineLength;
        boolean lineTooLong;

        void reset(int max) {
            lineLength = 0;
            maxLineLength = max;
            lineTooLong = false;
        }

        @Override
        public boolean process(byte value) {
            if (value == '\n') {
                if (lineLength == 0) {
                    return false;
                }
                lineLength = 0;
            } else if (value != '\r') {
                if (++lineLength > maxLineLength) {
                    lineTooLong = true;
                    return false;
                }
            }
            return true;
        }
    }
}

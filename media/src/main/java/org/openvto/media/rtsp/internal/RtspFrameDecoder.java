package org.openvto.media.rtsp.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.openvto.media.rtsp.RtspRequestParser;

/**
 * Frames the byte stream of an RTSP connection into requests and interleaved binary frames (RFC 2326 §10.12), at
 * any split point. Memory is bounded: a head longer than {@link RtspRequestParser#MAX_HEAD} or a body longer than
 * {@link RtspRequestParser#MAX_BODY} is malformed. After a malformed message every further byte is discarded (the
 * handler answers 400 and closes). Runs on the channel's event loop; never throws on input.
 */
final class RtspFrameDecoder extends ByteToMessageDecoder {
    private boolean broken;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!broken && in.isReadable()) {
            Object message = next(in);
            if (message == null) {
                return;
            }
            out.add(message);
            if (message instanceof Inbound.Malformed) {
                broken = true;
            }
        }
        if (broken) {
            in.skipBytes(in.readableBytes());
        }
    }

    private static Object next(ByteBuf in) {
        byte first = in.getByte(in.readerIndex());
        if (first == '\r' || first == '\n') {
            in.skipBytes(1); // CRLF between messages (some clients send it as a keep-alive)
            return in.isReadable() ? next(in) : null;
        }
        return first == '$' ? interleaved(in) : request(in);
    }

    private static Object interleaved(ByteBuf in) {
        if (in.readableBytes() < 4) {
            return null;
        }
        int start = in.readerIndex();
        int channel = in.getUnsignedByte(start + 1);
        int length = in.getUnsignedShort(start + 2);
        if (in.readableBytes() < 4 + length) {
            return null;
        }
        in.skipBytes(4);
        byte[] data = new byte[length];
        in.readBytes(data);
        return new Inbound.Interleaved(channel, data);
    }

    private static Object request(ByteBuf in) {
        int start = in.readerIndex();
        int end = headEnd(in, start, Math.min(in.writerIndex(), start + RtspRequestParser.MAX_HEAD));
        if (end < 0) {
            return in.readableBytes() >= RtspRequestParser.MAX_HEAD
                    ? new Inbound.Malformed("request head longer than " + RtspRequestParser.MAX_HEAD + " bytes")
                    : null;
        }
        byte[] head = new byte[end - start];
        in.getBytes(start, head);
        return switch (RtspRequestParser.parse(head)) {
            case RtspRequestParser.Result.Malformed m -> new Inbound.Malformed(m.reason());
            case RtspRequestParser.Result.Head h -> {
                if (in.writerIndex() - end < h.contentLength()) {
                    yield null;
                }
                byte[] body = new byte[h.contentLength()];
                in.getBytes(end, body);
                in.readerIndex(end + h.contentLength());
                yield new Inbound.Request(h.withBody(body));
            }
        };
    }

    /** Index just after the empty line ending the head (CRLFCRLF or LFLF), or -1. */
    private static int headEnd(ByteBuf in, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (in.getByte(i) != '\n') {
                continue;
            }
            if (i + 1 < limit && in.getByte(i + 1) == '\n') {
                return i + 2;
            }
            if (i + 2 < limit && in.getByte(i + 1) == '\r' && in.getByte(i + 2) == '\n') {
                return i + 3;
            }
        }
        return -1;
    }
}

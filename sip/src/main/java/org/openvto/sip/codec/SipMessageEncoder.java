package org.openvto.sip.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Serialises a {@link SipMessage} to wire format (RFC 3261 §7).
 *
 * <p>Writes the start line, every header in stored order as {@code Canonical-Name: value} (compact
 * forms expanded, e.g. {@code v} → {@code Via}), CRLF line ends, and exactly one {@code Content-Length}
 * equal to the body length as the last header — stored Content-Length fields are ignored, so the
 * length is always right even after the body was replaced. Values are written as UTF-8.
 *
 * <p>Stateless, {@link ChannelHandler.Sharable} and thread-safe. Writing a message does not modify it,
 * but the caller must not modify it concurrently.
 */
@ChannelHandler.Sharable
public final class SipMessageEncoder extends MessageToByteEncoder<SipMessage> {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] COLON_SP = {':', ' '};
    private static final byte[] CONTENT_LENGTH =
            "Content-Length: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public SipMessageEncoder() {
        super(SipMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, SipMessage msg, ByteBuf out) {
        write(msg, out);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, SipMessage msg, boolean preferDirect) {
        int size = estimateSize(msg);
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    /** Encodes to a new array. */
    public static byte[] encode(SipMessage msg) {
        ByteBuf buf = Unpooled.buffer(estimateSize(msg));
        try {
            write(msg, buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** Appends the encoded message to {@code out}. */
    public static void write(SipMessage msg, ByteBuf out) {
        if (msg instanceof SipRequest r) {
            ByteBufUtil.writeAscii(out, r.method());
            out.writeByte(' ');
            ByteBufUtil.writeUtf8(out, r.requestUri());
            out.writeByte(' ');
            ByteBufUtil.writeAscii(out, r.version());
        } else {
            SipResponse r = (SipResponse) msg;
            ByteBufUtil.writeAscii(out, r.version());
            out.writeByte(' ');
            int code = r.statusCode();
            out.writeByte('0' + code / 100).writeByte('0' + code / 10 % 10).writeByte('0' + code % 10);
            out.writeByte(' ');
            ByteBufUtil.writeUtf8(out, r.reasonPhrase());
        }
        out.writeBytes(CRLF);
        SipHeaders h = msg.headers();
        for (int i = 0; i < h.size(); i++) {
            String key = h.keyAt(i);
            if (key.equals("content-length")) {
                continue;
            }
            ByteBufUtil.writeAscii(out, h.nameAt(i));
            out.writeBytes(COLON_SP);
            ByteBufUtil.writeUtf8(out, h.valueAt(i));
            out.writeBytes(CRLF);
        }
        byte[] body = msg.body();
        out.writeBytes(CONTENT_LENGTH);
        ByteBufUtil.writeAscii(out, Integer.toString(body.length));
        out.writeBytes(CRLF).writeBytes(CRLF);
        out.writeBytes(body);
    }

    static int estimateSize(SipMessage msg) {
        int n = 64 + msg.body().length;
        if (msg instanceof SipRequest r) {
            n += r.requestUri().length() + r.method().length();
        } else {
            n += ((SipResponse) msg).reasonPhrase().length() * 2;
        }
        SipHeaders h = msg.headers();
        for (int i = 0; i < h.size(); i++) {
            n += h.nameAt(i).length() + h.valueAt(i).length() + 4;
        }
        return n;
    }
}

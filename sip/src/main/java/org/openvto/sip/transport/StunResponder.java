package org.openvto.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * STUN Binding on the SIP port (RFC 5389; RFC 5626 §8.4: a SIP edge proxy answers STUN on its SIP ports so
 * that outbound-capable phones can learn their public address and keep NAT bindings open). Recognises a
 * STUN message by its first two bits (00), its length (a multiple of 4 matching the datagram) and the magic
 * cookie; answers a Binding request with a Binding success response carrying XOR-MAPPED-ADDRESS. Other STUN
 * messages are ignored. Stateless and thread-safe.
 */
final class StunResponder {
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int HEADER = 20;
    private static final int BINDING_REQUEST = 0x0001;
    private static final int BINDING_SUCCESS = 0x0101;
    private static final int XOR_MAPPED_ADDRESS = 0x0020;

    private StunResponder() {}

    /** True if the datagram is a STUN message (never valid SIP: SIP starts with a letter). */
    static boolean isStun(ByteBuf b) {
        int n = b.readableBytes();
        int at = b.readerIndex();
        return n >= HEADER
                && (b.getByte(at) & 0xC0) == 0
                && b.getInt(at + 4) == MAGIC_COOKIE
                && b.getUnsignedShort(at + 2) == n - HEADER
                && (n - HEADER) % 4 == 0;
    }

    /** The Binding success response to a Binding request from {@code source}, or {@code null} for other STUN. */
    static ByteBuf answer(ByteBuf request, InetSocketAddress source, ByteBufAllocator alloc) {
        int at = request.readerIndex();
        if (request.getUnsignedShort(at) != BINDING_REQUEST) {
            return null;
        }
        byte[] address = source.getAddress().getAddress();
        boolean v4 = source.getAddress() instanceof Inet4Address;
        int valueLength = 4 + address.length;
        ByteBuf out = alloc.buffer(HEADER + 4 + valueLength);
        out.writeShort(BINDING_SUCCESS).writeShort(4 + valueLength).writeInt(MAGIC_COOKIE);
        out.writeBytes(request, at + 8, 12); // transaction id
        out.writeShort(XOR_MAPPED_ADDRESS).writeShort(valueLength);
        out.writeByte(0).writeByte(v4 ? 0x01 : 0x02).writeShort(source.getPort() ^ (MAGIC_COOKIE >>> 16));
        byte[] key = new byte[16]; // cookie, then the transaction id (RFC 5389 §15.2)
        key[0] = 0x21;
        key[1] = 0x12;
        key[2] = (byte) 0xA4;
        key[3] = 0x42;
        request.getBytes(at + 8, key, 4, 12);
        for (int i = 0; i < address.length; i++) {
            out.writeByte(address[i] ^ key[i]);
        }
        return out;
    }
}

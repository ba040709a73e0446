package org.openvto.sip.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures: RFC 4475 resources and small hand-written messages. */
final class TestMessages {
    private TestMessages() {}

    static byte[] torture(String name) {
        try (InputStream in = TestMessages.class.getResourceAsStream("/rfc4475/" + name + ".dat")) {
            if (in == null) {
                throw new IllegalArgumentException("no torture message " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static final String REGISTER = """
            REGISTER sip:example.com SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport
            Max-Forwards: 70
            To: "Door 1" <sip:1001@example.com>
            From: "Door 1" <sip:1001@example.com>;tag=1928301774
            Call-ID: a84b4c76e66710@192.0.2.10
            CSeq: 314159 REGISTER
            Contact: <sip:1001@192.0.2.10:5060;transport=udp>;expires=3600
            Content-Length: 0

            """;

    static final String INVITE_WITH_BODY = """
            INVITE sip:2001@example.com SIP/2.0
            Via: SIP/2.0/TCP [2001:db8::10]:5060;branch=z9hG4bKnashds8
            Max-Forwards: 70
            To: <sip:2001@example.com>
            From: Lobby <sip:1001@example.com>;tag=9fxced76sl
            Call-ID: 3848276298220188511@example.com
            CSeq: 2 INVITE
            Contact: <sip:1001@[2001:db8::10]:5060;transport=tcp>
            Content-Type: application/sdp
            Content-Length: 46

            v=0
            o=- 1 1 IN IP6 2001:db8::10
            s=-
            t=0 0
            """;

    static final String RESPONSE = """
            SIP/2.0 200 OK
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;received=198.51.100.7;rport=40123
            To: "Door 1" <sip:1001@example.com>;tag=37GkEhwl6
            From: "Door 1" <sip:1001@example.com>;tag=1928301774
            Call-ID: a84b4c76e66710@192.0.2.10
            CSeq: 314159 REGISTER
            Contact: <sip:1001@192.0.2.10:5060;transport=udp>;expires=3600
            Content-Length: 0

            """;
}

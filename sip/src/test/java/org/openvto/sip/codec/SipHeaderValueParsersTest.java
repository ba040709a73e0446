package org.openvto.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SipHeaderValueParsersTest {
    @Test
    void parsesEveryPartOfASipUri() {
        SipUri u = SipUri.parse(
                "sips:alice%23home:se%3Acret@[2001:db8::1]:5061;transport=TLS;LR;maddr=x?subject=hi&x=%20");
        assertThat(u.isSecure()).isTrue();
        assertThat(u.user()).isEqualTo("alice#home");
        assertThat(u.password()).isEqualTo("se:cret");
        assertThat(u.host()).isEqualTo("[2001:db8::1]");
        assertThat(u.isIpv6Reference()).isTrue();
        assertThat(u.port()).isEqualTo(5061);
        assertThat(u.transport()).isEqualTo("TLS");
        assertThat(u.isLooseRouting()).isTrue();
        assertThat(u.param("MADDR")).isEqualTo("x");
        assertThat(u.headers()).isEqualTo("subject=hi&x=%20");
        assertThat(u.userAtHost()).isEqualTo("alice#home@[2001:db8::1]");
        assertThat(u.toString()).startsWith("sips:alice%23home");
        SipUri plain = SipUri.parse("SIP:example.com");
        assertThat(plain.user()).isNull();
        assertThat(plain.port()).isEqualTo(-1);
        assertThat(plain.params()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "sip:",
                "tel:+123",
                "sip:@example.com",
                "sip:a@",
                "sip:a@b:99999",
                "sip:a@b:",
                "sip:a%2@b",
                "sip:a b@c",
                "sip:a@[::1",
                "sip:a@[]",
                "sip:a@b;",
                "sip:a@b;=x",
                "sip:a@b;x=",
                "sip:a@b?",
                "sip:a@b c",
                "sip:a@b>",
                "sip:a@[zz::1]"
            })
    void rejectsMalformedSipUrisWithAReason(String text) {
        assertThat(SipUri.parse(text)).isNull();
        assertThat(SipUri.whyInvalid(text)).isNotBlank();
    }

    @Test
    void parsesNameAddrForms() {
        NameAddr quoted = NameAddr.parse("\"Door \\\"1\\\"\" <sip:1001@example.com;transport=udp>;tag=abc;expires=60");
        assertThat(quoted.displayName()).isEqualTo("Door \"1\"");
        assertThat(quoted.sipUri().transport()).isEqualTo("udp");
        assertThat(quoted.tag()).isEqualTo("abc");
        assertThat(quoted.expires()).isEqualTo(60);
        NameAddr tokens = NameAddr.parse("Lobby Panel<sip:p@example.com>");
        assertThat(tokens.displayName()).isEqualTo("Lobby Panel");
        NameAddr bare = NameAddr.parse("sip:p@example.com;tag=x;unknownparam");
        assertThat(bare.isBracketed()).isFalse();
        assertThat(bare.sipUri().params()).isEmpty();
        assertThat(bare.params()).containsOnlyKeys("tag", "unknownparam");
        assertThat(NameAddr.parse(" * ").isWildcard()).isTrue();
        assertThat(NameAddr.parse("<urn:service:sos>").sipUri()).isNull();
        assertThat(NameAddr.parseList("<sip:a@x>;q=0.5, \"B, C\" <sip:b@x>"))
                .extracting(NameAddr::uri)
                .containsExactly("sip:a@x", "sip:b@x");
        assertThat(NameAddr.parse("<sip:a@x>").withParam("tag", "t").toString()).isEqualTo("<sip:a@x>;tag=t");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "\"unterminated <sip:a@b>",
                "Bell, Alexander <sip:a@b>",
                "< sip:a@b >",
                "sip:a@b?x=y",
                "<sip:a@b>;;",
                "<sip:a@b>;tag=",
                "<sip:a@b> junk",
                "<>",
                "<sip:a@b",
                "* x",
                "<sip:a b@c>",
                "<sip:@b>"
            })
    void rejectsMalformedNameAddrs(String text) {
        assertThat(NameAddr.parse(text)).isNull();
        assertThat(NameAddr.whyInvalid(text)).isNotBlank();
    }

    @Test
    void parsesViaWithLwsAndIpv6() {
        SipVia v = SipVia.parse(
                "SIP / 2.0 / UDP  [2001:db8::9:1] : 5060 ; received=[2001:db8::9:255] ; rport=4 ;branch=z9hG4bKa");
        assertThat(v.transport()).isEqualTo("UDP");
        assertThat(v.sentBy()).isEqualTo("[2001:db8::9:1]:5060");
        assertThat(v.received()).isEqualTo("[2001:db8::9:255]");
        assertThat(v.rport()).isEqualTo(4);
        assertThat(v.branch()).isEqualTo("z9hG4bKa");
        assertThat(v.hasRfc3261Branch()).isTrue();
        assertThat(SipVia.parseList("SIP/2.0/UDP a;branch=1, SIP/2.0/TCP b:5;branch=2"))
                .extracting(SipVia::sentBy)
                .containsExactly("a", "b:5");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "SIP/2.0/UDP",
                "SIP/2.0 UDP host",
                "SIP/2.0/UDP host;;",
                "SIP/2.0/UDP host:99999",
                "SIP/2.0/UDP host;branch=",
                "SIP/2.0/UDP [::1",
                "SIP/2.0/UDPhost"
            })
    void rejectsMalformedVias(String text) {
        assertThat(SipVia.parse(text)).isNull();
        assertThat(SipVia.whyInvalid(text)).isNotBlank();
    }

    @Test
    void splitsCommaListsRespectingQuotesAndAngles() {
        assertThat(SipHeaders.splitValues(" a , \"x, \\\"y\" <sip:a@b;p=1,2> ;q=1 ,, b,"))
                .containsExactly("a", "\"x, \\\"y\" <sip:a@b;p=1,2> ;q=1", "b");
    }

    @Test
    void headerLookupIsCaseInsensitiveAndUnderstandsCompactForms() {
        SipHeaders h = new SipHeaders();
        h.add("v", "SIP/2.0/UDP a")
                .add("VIA", "SIP/2.0/UDP b")
                .add("x-Extension", "1")
                .add("i", "cid");
        assertThat(h.getAll("Via")).containsExactly("SIP/2.0/UDP a", "SIP/2.0/UDP b");
        assertThat(h.nameAt(0)).isEqualTo("Via");
        assertThat(h.get("call-id")).isEqualTo("cid");
        assertThat(h.get("X-EXTENSION")).isEqualTo("1");
        assertThat(h.nameAt(2)).isEqualTo("x-Extension");
        h.addFirst("Via", "SIP/2.0/UDP top");
        assertThat(h.get("v")).isEqualTo("SIP/2.0/UDP top");
        assertThat(h.removeFirst("via")).isEqualTo("SIP/2.0/UDP top");
        h.set("Via", "SIP/2.0/UDP only");
        assertThat(h.getAll("Via")).containsExactly("SIP/2.0/UDP only");
        assertThat(h.asList().getFirst()).isEqualTo(new SipHeader("Via", "SIP/2.0/UDP only"));
        assertThat(h.remove("x-extension")).isEqualTo(1);
        assertThat(h.size()).isEqualTo(2);
        assertThat(SipHeaderNames.compactForm("Content-Length")).isEqualTo("l");
        assertThat(SipHeaderNames.canonical("y")).isEqualTo("Identity");
        assertThatThrownBy(() -> h.add("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.add("X", "a\r\nInjected: 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsAllCompactForms() {
        String[][] forms = {
            {"i", "Call-ID"},
            {"m", "Contact"},
            {"e", "Content-Encoding"},
            {"l", "Content-Length"},
            {"c", "Content-Type"},
            {"f", "From"},
            {"s", "Subject"},
            {"k", "Supported"},
            {"t", "To"},
            {"v", "Via"},
            {"o", "Event"},
            {"r", "Refer-To"},
            {"b", "Referred-By"},
            {"u", "Allow-Events"},
            {"x", "Session-Expires"},
            {"y", "Identity"}
        };
        for (String[] f : forms) {
            assertThat(SipHeaderNames.canonical(f[0].toUpperCase())).isEqualTo(f[1]);
            assertThat(SipHeaderNames.key(f[0])).isEqualTo(f[1].toLowerCase());
        }
    }

    @Test
    void statusAndMethodConstants() {
        assertThat(SipResponseStatus.valueOf(486).reasonPhrase()).isEqualTo("Busy Here");
        assertThat(SipResponseStatus.valueOf(499).reasonPhrase()).isEqualTo("Client Error");
        assertThat(SipMethod.isKnown("REGISTER")).isTrue();
        assertThat(SipMethod.isKnown("register")).isFalse();
        assertThat(SipMethod.isValid("NEWMETHOD")).isTrue();
        assertThat(SipCSeq.parse(" 0009 \t INVITE ")).isEqualTo(new SipCSeq(9, "INVITE"));
    }
}

package org.openvto.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.digest.DigestResponse;
import org.openvto.digest.DigestVerifier;
import org.openvto.sip.codec.SipRequest;

/** REGISTERs with MD5 digest credentials from a chosen source address, for the auth tests. */
final class DigestFixture {
    private DigestFixture() {}

    static String nonceOf(String challenge) {
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** {@code Authorization} value; {@code nc == null} makes an RFC 2069 credential (no qop, nc, cnonce). */
    static String credentials(String user, String password, String nonce, String nc) {
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, user, "VDP", password);
        String qop = nc == null ? null : "auth";
        String cnonce = nc == null ? null : "c0ffee";
        var unsigned =
                new DigestResponse(user, "VDP", nonce, "sip:VDP", "", DigestAlgorithm.MD5, qop, cnonce, nc, null);
        String response = DigestVerifier.expectedResponse(unsigned, "REGISTER", ha1);
        return "Digest username=\"" + user + "\", realm=\"VDP\", nonce=\"" + nonce + "\", uri=\"sip:VDP\", response=\""
                + response + "\", algorithm=MD5" + (nc == null ? "" : ", qop=auth, nc=" + nc + ", cnonce=\"c0ffee\"");
    }

    /** A REGISTER for {@code 101#0} as received from {@code sourceIp} (the transport stamped {@code received}). */
    static SipRequest register(String sourceIp, String authorization) {
        SipRequest r = new SipRequest("REGISTER", "sip:VDP");
        r.headers().add("Via", "SIP/2.0/UDP " + sourceIp + ":5062;branch=z9hG4bK-" + System.identityHashCode(r));
        r.headers().add("Max-Forwards", "70");
        r.headers().add("From", "<sip:101%230@VDP>;tag=vth");
        r.headers().add("To", "<sip:101%230@VDP>");
        r.headers().add("Call-ID", "reg-" + sourceIp);
        r.headers().add("CSeq", "1 REGISTER");
        r.headers().add("Contact", "<sip:101%230@" + sourceIp + ":5062>");
        if (authorization != null) {
            r.headers().add("Authorization", authorization);
        }
        return r;
    }
}

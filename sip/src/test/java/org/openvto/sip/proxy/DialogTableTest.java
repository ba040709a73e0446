package org.openvto.sip.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvto.sip.codec.SipRequest;
import org.openvto.sip.codec.SipResponse;
import org.openvto.testkit.ManualClock;

/** The proxy's dialog layer (RFC 3261 §12): early per branch, confirmed by 2xx, ended by failure, BYE or expiry. */
class DialogTableTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final List<String> changes = new ArrayList<>();
    private final DialogTable table = new DialogTable(
            clock,
            DialogTable.Limits.DEFAULT,
            (d, before) -> changes.add(d.id().calleeTag() + " " + before + "->" + d.state()
                    + (d.endReason() == null ? "" : " (" + d.endReason() + ")")));

    private static SipRequest invite() {
        SipRequest r = new SipRequest("INVITE", "sip:101@VDP");
        r.headers().add("Via", "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-p1");
        r.headers().add("From", "<sip:8001@VDP>;tag=vto");
        r.headers().add("To", "<sip:101@VDP>");
        r.headers().add("Call-ID", "call-1");
        r.headers().add("CSeq", "2 INVITE");
        return r;
    }

    private static SipResponse answer(SipRequest request, int status, String toTag) {
        SipResponse r = SipResponse.createFor(request, status, "X");
        return toTag == null ? r : r.withToTag(toTag);
    }

    private static SipRequest bye(String fromTag, String toTag) {
        SipRequest r = new SipRequest("BYE", "sip:8001@10.0.0.9");
        r.headers().add("From", "<sip:101@VDP>;tag=" + fromTag);
        r.headers().add("To", "<sip:8001@VDP>;tag=" + toTag);
        r.headers().add("Call-ID", "call-1");
        r.headers().add("CSeq", "1 BYE");
        return r;
    }

    @Test
    void aForkedCallHasOneEarlyDialogPerDeviceAndTheAnsweredOneLivesUntilBye() {
        SipRequest invite = invite();
        table.onInviteResponse(invite, answer(invite, 100, null));
        table.onInviteResponse(invite, answer(invite, 180, "vth0"));
        table.onInviteResponse(invite, answer(invite, 183, "vth1"));
        table.onInviteResponse(invite, answer(invite, 180, "vth0")); // retransmission: no change
        assertThat(table.active())
                .extracting(DialogInfo::state)
                .containsOnly(Dialog.State.EARLY)
                .hasSize(2);

        SipResponse ok = answer(invite, 200, "vth1");
        ok.headers().add("Record-Route", "<sip:127.0.0.1:5060;lr>");
        ok.headers().add("Contact", "<sip:101%231@10.0.0.12:5062>");
        table.onInviteResponse(invite, ok);
        table.onInviteResponse(invite, answer(invite, 487, "vth0")); // the CANCELled branch
        assertThat(table.active()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(Dialog.State.CONFIRMED);
            assertThat(d.routeSet()).containsExactly("<sip:127.0.0.1:5060;lr>");
            assertThat(d.calleeTarget()).isEqualTo("sip:101%231@10.0.0.12:5062");
            assertThat(d.caller()).isEqualTo("sip:8001@VDP");
        });
        assertThat(table.find("call-1", "vth1", "vto"))
                .as("found from the callee's side")
                .isPresent();

        table.onInDialogResponse(bye("vth1", "vto"), answer(bye("vth1", "vto"), 200, null));
        assertThat(table.active()).isEmpty();
        assertThat(changes)
                .containsExactly(
                        "vth0 null->EARLY",
                        "vth1 null->EARLY",
                        "vth1 EARLY->CONFIRMED",
                        "vth0 EARLY->TERMINATED (rejected 487)",
                        "vth1 CONFIRMED->TERMINATED (BYE)");
    }

    @Test
    void reInvitesAndTaglessAnswersCreateNoDialog() {
        SipRequest reInvite = invite();
        reInvite.headers().set("To", "<sip:101@VDP>;tag=vth0");
        table.onInviteResponse(reInvite, answer(reInvite, 200, "vth0"));
        table.onInviteResponse(invite(), answer(invite(), 180, null));
        assertThat(table.size()).isZero();
    }

    @Test
    void dialogsThatNeverEndBySignallingExpire() {
        SipRequest invite = invite();
        table.onInviteResponse(invite, answer(invite, 180, "ringing"));
        table.onInviteResponse(invite, answer(invite, 180, "answered"));
        table.onInviteResponse(invite, answer(invite, 200, "answered"));
        clock.advance(Duration.ofMinutes(4));
        table.sweep();
        assertThat(table.active()).extracting(d -> d.id().calleeTag()).containsExactly("answered");
        clock.advance(Duration.ofHours(2));
        table.sweep();
        assertThat(table.active()).isEmpty();
        assertThat(changes)
                .contains(
                        "ringing EARLY->TERMINATED (expired unanswered after 180 s)",
                        "answered CONFIRMED->TERMINATED (expired without BYE after 7200 s)");
    }
}

package org.openvto.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.call.CallsFixture.T0;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openvto.access.Credential;
import org.openvto.call.CallEvent.Kind;
import org.openvto.call.CallsFixture.RecordingSignalling;
import org.openvto.facade.io.FacadeOutputs.Indicator;
import org.openvto.records.CallRecord;
import org.openvto.records.CallRecord.Direction;
import org.openvto.records.CallRecord.Outcome;

class CallsTest {
    private final CallsFixture f = new CallsFixture();

    @Test
    void aCallKeyDialsItsRoomRingsTalksAndTheTalkTimeEndsItWithAnAnsweredRecord() {
        f.press("101");
        String id = f.dialled();
        assertThat(f.sip.dials).containsExactly(new RecordingSignalling.Dial(id, "101"));
        assertThat(f.calls.current().state()).isEqualTo(CallState.CALLING);
        assertThat(f.outputs.lit).containsExactly(Indicator.CALL);
        assertThat(f.outputs.display).containsExactly("Calling room 101", "Please wait · 30 s");

        f.advance(Duration.ofSeconds(2));
        f.signal(new CallSignal.Ringing(id, "101#0", true));
        assertThat(f.calls.current().state()).isEqualTo(CallState.RINGING);
        assertThat(f.outputs.lit).containsExactly(Indicator.CALL);
        assertThat(f.outputs.display).containsExactly("Calling room 101", "Ringing · 28 s");
        assertThat(f.outputs.played).containsExactly("ringback");

        f.advance(Duration.ofSeconds(3));
        f.signal(new CallSignal.Answered(id, "101#1"));
        assertThat(f.calls.current())
                .extracting(CallStatus::state, CallStatus::device, CallStatus::secondsLeft)
                .containsExactly(CallState.TALKING, "101#1", 120L);
        assertThat(f.outputs.lit).containsExactly(Indicator.TALK);
        assertThat(f.outputs.display).containsExactly("Talking with room 101", "120 s left");

        f.advance(Duration.ofSeconds(100));
        assertThat(f.outputs.display).as("the countdown").containsExactly("Talking with room 101", "20 s left");
        f.advance(Duration.ofMillis(19_990));
        assertThat(f.sip.hangUps).isEmpty();
        f.advance(Duration.ofMillis(10));

        assertThat(f.sip.hangUps).containsExactly(id);
        CallRecord r = f.onlyRecord();
        assertThat(r.callId()).isEqualTo(id);
        assertThat(r.at()).isEqualTo(T0);
        assertThat(r.ended()).isEqualTo(T0.plusSeconds(125));
        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(125));
        assertThat(r.direction()).isEqualTo(Direction.OUTGOING);
        assertThat(r.peer()).isEqualTo("101");
        assertThat(r.room()).isEqualTo("101");
        assertThat(r.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(r.answeredBy()).isEqualTo("101#1");
        assertThat(r.talk()).isEqualTo(Duration.ofSeconds(120));
        assertThat(r.reason()).isEqualTo("talk time 120 s over");
        assertThat(r.emergency()).isFalse();
        assertThat(r.snapshot()).isTrue();
        assertThat(f.snapshots.get(r.id())).hasValue(CallsFixture.JPEG);
        assertThat(f.kinds(id)).containsExactly(Kind.INVITE, Kind.RINGING, Kind.ANSWERED, Kind.HUNG_UP);
        assertThat(f.events.getLast().reason()).isEqualTo("talk time 120 s over");
        assertThat(f.outputs.lit).isEmpty();
        assertThat(f.outputs.display).containsExactly("Call ended");
        assertThat(f.outputs.played).endsWith("call-ended");
        assertThat(f.calls.current()).isEqualTo(CallStatus.IDLE);
        assertThat(f.scheduler.pending()).as("no timer left").isZero();
    }

    @Test
    void theRingTimeoutHangsUpAndRecordsAMissedCallWhileTheRingbackRepeats() {
        f.press("102");
        String id = f.dialled();
        f.signal(new CallSignal.Ringing(id, "102#0", false));
        f.advance(Duration.ofSeconds(10));
        assertThat(f.outputs.display).containsExactly("Calling room 102", "Ringing · 20 s");
        f.advance(Duration.ofMillis(19_990));
        assertThat(f.sip.hangUps).isEmpty();
        f.advance(Duration.ofMillis(10));

        assertThat(f.sip.hangUps).containsExactly(id);
        CallRecord r = f.onlyRecord();
        assertThat(r.outcome()).isEqualTo(Outcome.MISSED);
        assertThat(r.reason()).isEqualTo("no answer in 30 s");
        assertThat(r.answeredBy()).isEmpty();
        assertThat(r.talk()).isZero();
        assertThat(f.kinds(id)).containsExactly(Kind.INVITE, Kind.RINGING, Kind.NOT_ANSWERED);
        List<String> ringing = new ArrayList<>(Collections.nCopies(8, "ringback"));
        ringing.add("no-answer");
        assertThat(f.outputs.played).as("1 s of every 4, then the prompt").isEqualTo(ringing);
        assertThat(f.outputs.display).containsExactly("No answer", "Please try again later");
        assertThat(f.outputs.lit).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "486, Busy Here, BUSY, REFUSED, busy, 486 Busy Here",
        "600, Busy Everywhere, BUSY, REFUSED, busy, 600 Busy Everywhere",
        "603, Decline, REFUSED, REFUSED, busy, 603 Decline",
        "480, Temporarily Unavailable, MISSED, NOT_ANSWERED, no-answer, 480 Temporarily Unavailable",
        "404, Not Found, FAILED, FAILED, error, 404 Not Found",
        "488, Not Acceptable Here (no common codec), FAILED, FAILED, error, 488 Not Acceptable Here (no common codec)",
        "0, no response (Timer B), FAILED, FAILED, error, no response (Timer B)"
    })
    void aFinalResponseEndsTheCallWithItsOutcomeAndReason(
            int status, String reason, Outcome outcome, Kind kind, String sound, String recorded) {
        f.press("101");
        String id = f.dialled();
        f.signal(new CallSignal.Ringing(id, "101#0", false));
        f.signal(new CallSignal.Failed(id, status, reason));

        assertThat(f.sip.hangUps).as("the call is over already").isEmpty();
        CallRecord r = f.onlyRecord();
        assertThat(r.outcome()).isEqualTo(outcome);
        assertThat(r.reason()).isEqualTo(recorded);
        assertThat(f.kinds(id)).containsExactly(Kind.INVITE, Kind.RINGING, kind);
        assertThat(f.events.getLast().reason()).isEqualTo(recorded);
        assertThat(f.outputs.played).endsWith(sound);
        assertThat(f.outputs.lit).isEmpty();
        assertThat(f.calls.current()).isEqualTo(CallStatus.IDLE);
    }

    @Test
    void noCommonCodecSaysTheCallFailedAndWhy() {
        f.press("101");
        f.signal(new CallSignal.Failed(f.dialled(), 488, "Not Acceptable Here"));
        assertThat(f.onlyRecord().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(f.onlyRecord().snapshot()).as("it never rang").isFalse();
        assertThat(f.outputs.display).containsExactly("Call failed", "488 Not Acceptable Here");
    }

    @Test
    void aSecondCallWhileOneIsActiveIsRefusedWithAPromptAndNothingElseChanges() {
        f.press("101");
        String id = f.dialled();
        CallStatus before = f.calls.current();
        f.press("102");
        f.type("8002C");

        assertThat(f.sip.dials).hasSize(1);
        assertThat(f.sip.hangUps).isEmpty();
        assertThat(f.records.rows).isEmpty();
        assertThat(f.calls.current()).isEqualTo(before);
        assertThat(f.outputs.display).containsExactly("Line busy", "Please try again later");
        assertThat(f.outputs.played).containsExactly("busy", "busy");
        assertThat(f.outputs.lit).containsExactly(Indicator.CALL);
        assertThat(f.calls.counters().dialsRefused()).isEqualTo(2);
        assertThat(f.kinds(id)).containsExactly(Kind.INVITE);

        f.advance(Duration.ofSeconds(3));
        assertThat(f.outputs.display)
                .as("the call comes back")
                .containsExactly("Calling room 101", "Please wait · 27 s");
    }

    @Test
    void theEmergencyCallEndsTheRingingVisitorCallFirstAndIsFlaggedInItsRecord() {
        f.press("101");
        String visitor = f.dialled();
        f.signal(new CallSignal.Ringing(visitor, "101#0", false));
        f.advance(Duration.ofSeconds(4));
        f.type("M");

        assertThat(f.sip.hangUps).containsExactly(visitor);
        String emergency = f.dialled();
        assertThat(emergency).isNotEqualTo(visitor);
        assertThat(f.sip.dials.getLast().number()).isEqualTo("888888");
        CallRecord first = f.onlyRecord();
        assertThat(first.callId()).isEqualTo(visitor);
        assertThat(first.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(first.reason()).isEqualTo("ended for an emergency call");
        assertThat(first.emergency()).isFalse();
        assertThat(f.calls.current().emergency()).isTrue();
        assertThat(f.outputs.display).containsExactly("Emergency call to the centre", "Please wait · 30 s");
        assertThat(f.outputs.lit).containsExactly(Indicator.CALL);

        f.type("M");
        f.press("102");
        assertThat(f.sip.dials)
                .as("nothing ends the emergency call but its own call key")
                .hasSize(2);

        f.signal(new CallSignal.Answered(emergency, "888888"));
        f.advance(Duration.ofSeconds(7));
        f.signal(new CallSignal.Ended(emergency, "888888", "BYE"));
        CallRecord second = f.records.rows.get(1);
        assertThat(second.emergency()).isTrue();
        assertThat(second.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(second.peer()).isEqualTo("888888");
        assertThat(second.room()).isEmpty();
        assertThat(second.talk()).isEqualTo(Duration.ofSeconds(7));
        assertThat(second.reason()).isEqualTo("BYE from 888888");
        assertThat(f.events.getLast())
                .extracting(CallEvent::kind, CallEvent::emergency)
                .containsExactly(Kind.HUNG_UP, true);
    }

    @Test
    void theEmergencyCallIsAllowedWhileAVisitorCallTalks() {
        f.press("101");
        String visitor = f.dialled();
        f.signal(new CallSignal.Answered(visitor, "101#0"));
        f.advance(Duration.ofSeconds(5));
        f.type("M");
        assertThat(f.sip.hangUps).containsExactly(visitor);
        assertThat(f.onlyRecord())
                .extracting(CallRecord::outcome, CallRecord::talk)
                .containsExactly(Outcome.ANSWERED, Duration.ofSeconds(5));
        assertThat(f.sip.dials.getLast().number()).isEqualTo("888888");
    }

    @Test
    void digitsAndTheCallKeyDialTheTypedNumber() {
        f.type("10");
        assertThat(f.outputs.display).containsExactly("Room No.", "10");
        f.type("2");
        assertThat(f.outputs.display).containsExactly("Room No.", "102");
        assertThat(f.sip.dials).isEmpty();
        f.type("C");
        assertThat(f.sip.dials.getLast().number()).isEqualTo("102");
        assertThat(f.outputs.display).containsExactly("Calling room 102", "Please wait · 30 s");
        f.type("C");
        assertThat(f.sip.hangUps).as("the call key ends the visitor's call").hasSize(1);

        f.type("8002C");
        assertThat(f.sip.dials.getLast().number()).isEqualTo("8002");
        assertThat(f.outputs.display).containsExactly("Calling VTO 8002", "Please wait · 30 s");
        f.type("C");

        f.type("888888C");
        assertThat(f.sip.dials.getLast().number()).isEqualTo("888888");
        assertThat(f.calls.current().emergency())
                .as("typed, not the call-centre key")
                .isFalse();
    }

    @Test
    void starClearsTheNumberAndSoDoesAPauseOverTenSeconds() {
        f.type("99*");
        assertThat(f.outputs.display).containsExactly("Room No.", "");
        f.type("101C");
        assertThat(f.sip.dials.getLast().number()).isEqualTo("101");
        f.type("C");

        f.type("10");
        f.advance(Duration.ofMillis(10_001));
        f.type("1C");
        assertThat(f.sip.dials).hasSize(1);
        assertThat(f.outputs.display).containsExactly("No such room", "1");
        assertThat(f.outputs.played).endsWith("no-such-room");
    }

    @Test
    void aPasswordEntryIsNoNumberAndDialsNothing() {
        f.type("#1234#");
        assertThat(f.outputs.display)
                .as("the password is access control's to show")
                .isEmpty();
        f.type("C");
        assertThat(f.outputs.display).containsExactly("Enter a room number", "then press the call key");
        f.type("#12C");
        f.type("#101*");
        f.type("C");
        assertThat(f.sip.dials)
                .as("a password, cancelled by the call key or *, leaves no number")
                .isEmpty();
        assertThat(f.records.rows).isEmpty();

        f.type("#1");
        f.advance(Duration.ofSeconds(11));
        f.type("102C");
        assertThat(f.sip.dials.getLast().number())
                .as("after a pause the password is over")
                .isEqualTo("102");
        f.type("C");
        f.type("#1234#101C");
        assertThat(f.sip.dials.getLast().number())
                .as("digits after the password are a number")
                .isEqualTo("101");
    }

    @Test
    void numbersOfNoRoomAndUnassignedKeysCallNobody() {
        f.type("999C");
        assertThat(f.outputs.display).containsExactly("No such room", "999");
        assertThat(f.outputs.played).containsExactly("no-such-room");
        f.press("");
        assertThat(f.outputs.display).containsExactly("This key has no room", "Use the keyboard or ask the centre");
        assertThat(f.outputs.played).containsExactly("no-such-room", "error");

        assertThat(f.sip.dials).isEmpty();
        assertThat(f.records.rows).isEmpty();
        assertThat(f.events).isEmpty();
        assertThat(f.outputs.lit).isEmpty();
        assertThat(f.calls.counters().dialsRefused()).isEqualTo(2);
    }

    @Test
    void theCallKeyOfTheRoomBeingCalledHangsUpThatCall() {
        f.press("101");
        String id = f.dialled();
        f.signal(new CallSignal.Ringing(id, "101#0", false));
        f.advance(Duration.ofSeconds(6));
        f.press("101");

        assertThat(f.sip.hangUps).containsExactly(id);
        assertThat(f.sip.dials).hasSize(1);
        CallRecord r = f.onlyRecord();
        assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(r.reason()).isEqualTo("hung up at the door");
        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(6));
        assertThat(f.kinds(id)).containsExactly(Kind.INVITE, Kind.RINGING, Kind.HUNG_UP);
        assertThat(f.outputs.lit).isEmpty();

        f.signal(new CallSignal.Ended(id, "vto", "CANCEL"));
        assertThat(f.records.rows)
                .as("the end SIP confirms is not recorded twice")
                .hasSize(1);
        assertThat(f.calls.counters().signalsIgnored()).isEqualTo(1);
    }

    @Test
    void aGroupCallRingsSeveralDevicesAndTheOneThatAnswersIsRecorded() {
        f.press("101");
        String id = f.dialled();
        f.signal(new CallSignal.Ringing(id, "101#0", false));
        f.signal(new CallSignal.Ringing(id, "101#1", false));
        f.signal(new CallSignal.Answered(id, "101#1"));
        f.signal(new CallSignal.Answered(id, "101#0"));
        f.signal(new CallSignal.Ended(id, "101#1", "BYE"));

        assertThat(f.kinds(id)).containsExactly(Kind.INVITE, Kind.RINGING, Kind.RINGING, Kind.ANSWERED, Kind.HUNG_UP);
        assertThat(f.outputs.played)
                .as("one ringback when it starts to ring")
                .startsWith("ringback")
                .doesNotHaveDuplicates();
        assertThat(f.onlyRecord().answeredBy()).isEqualTo("101#1");
        assertThat(f.onlyRecord().reason()).isEqualTo("BYE from 101#1");
    }

    @Test
    void aMonitorSessionIsAnsweredAndEndsAfterTheMonitorTime() {
        f.signal(new CallSignal.Incoming("m1", "101#0"));
        assertThat(f.sip.answers).containsExactly("m1");
        assertThat(f.calls.current())
                .extracting(CallStatus::state, CallStatus::peer, CallStatus::secondsLeft)
                .containsExactly(CallState.TALKING, "101#0", 60L);
        assertThat(f.outputs.lit).containsExactly(Indicator.TALK);
        assertThat(f.outputs.display).containsExactly("Monitored by room 101", "60 s left");
        assertThat(f.kinds("m1")).containsExactly(Kind.INVITE, Kind.ANSWERED);

        f.advance(Duration.ofMillis(59_990));
        assertThat(f.sip.hangUps).isEmpty();
        f.advance(Duration.ofMillis(10));
        assertThat(f.sip.hangUps).containsExactly("m1");
        CallRecord r = f.onlyRecord();
        assertThat(r.direction()).isEqualTo(Direction.INCOMING);
        assertThat(r.peer()).isEqualTo("101#0");
        assertThat(r.room()).isEqualTo("101");
        assertThat(r.answeredBy()).isEqualTo("101#0");
        assertThat(r.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(r.talk()).isEqualTo(Duration.ofSeconds(60));
        assertThat(r.reason()).isEqualTo("monitor time 60 s over");
        assertThat(r.snapshot()).isTrue();
        assertThat(f.outputs.lit).isEmpty();
    }

    @Test
    void aMonitorSessionWhileTheLineIsBusyIsRefusedWith486AndTheCallGoesOn() {
        f.press("101");
        String id = f.dialled();
        CallStatus before = f.calls.current();
        f.signal(new CallSignal.Incoming("m2", "102#0"));

        assertThat(f.sip.refusals)
                .containsExactly(new RecordingSignalling.Refusal("m2", 486, "the door station is in a call"));
        assertThat(f.sip.answers).isEmpty();
        assertThat(f.sip.hangUps).isEmpty();
        assertThat(f.calls.current()).isEqualTo(before);
        assertThat(f.outputs.lit).containsExactly(Indicator.CALL);
        CallRecord r = f.onlyRecord();
        assertThat(r)
                .extracting(CallRecord::callId, CallRecord::direction, CallRecord::outcome, CallRecord::room)
                .containsExactly("m2", Direction.INCOMING, Outcome.BUSY, "102");
        assertThat(f.kinds("m2")).containsExactly(Kind.REFUSED);
        assertThat(f.kinds(id)).containsExactly(Kind.INVITE);
    }

    @Test
    void aVisitorCannotCallWhileAMonitorSessionRuns() {
        f.signal(new CallSignal.Incoming("m1", "101#0"));
        f.press("102");
        f.type("C");
        assertThat(f.sip.dials).isEmpty();
        assertThat(f.sip.hangUps).isEmpty();
        assertThat(f.outputs.played).containsExactly("busy", "busy");
        assertThat(f.calls.current().state()).isEqualTo(CallState.TALKING);
    }

    @Test
    void dtmfFromTheAnsweringDeviceUnlocksAndAnyOtherIsIgnoredAndCounted() {
        f.press("101");
        String id = f.dialled();
        f.signal(new CallSignal.Dtmf(id, "101#1", "#", "rfc4733")); // not answered yet
        f.signal(new CallSignal.Answered(id, "101#1"));
        f.signal(new CallSignal.Dtmf(id, "101#0", "#", "rfc4733")); // not the party
        f.signal(new CallSignal.Dtmf("other", "101#1", "#", "rfc4733")); // not this call
        f.signal(new CallSignal.Dtmf(id, "101#1", "#", "info-dtmf-relay"));
        assertThat(f.unlocks).containsExactly(new Credential.Dtmf("#", "101#1", "101"));

        f.signal(new CallSignal.Ended(id, "101#1", "BYE"));
        f.signal(new CallSignal.Dtmf(id, "101#1", "*", "rfc4733")); // after the end
        assertThat(f.unlocks).hasSize(1);
        assertThat(f.calls.counters().dtmfIgnored()).isEqualTo(4);
    }

    @Test
    void dtmfFromTheMonitoringDeviceUnlocks() {
        f.signal(new CallSignal.Incoming("m1", "102#2"));
        f.signal(new CallSignal.Dtmf("m1", "102#2", "*", "info-dtmf"));
        assertThat(f.unlocks).containsExactly(new Credential.Dtmf("*", "102#2", "102"));
    }

    @Test
    void closingHangsUpAndRecordsTheActiveCallAndTakesNoMore() {
        f.press("101");
        String id = f.dialled();
        f.calls.close();
        assertThat(f.sip.hangUps).containsExactly(id);
        assertThat(f.onlyRecord().reason()).isEqualTo("the VTO stopped");

        f.press("102");
        f.signal(new CallSignal.Incoming("m1", "101#0"));
        assertThat(f.sip.dials).hasSize(1);
        assertThat(f.sip.refusals)
                .extracting(RecordingSignalling.Refusal::status)
                .containsExactly(486);
        assertThat(f.scheduler.pending()).isZero();
    }
}

package org.openvto.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.access.AccessFixture.card;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvto.alarm.AlarmType;
import org.openvto.facade.io.FacadeOutputs;
import org.openvto.facade.io.ModuleStatus;

class AccessControlTest {
    private final AccessFixture f = new AccessFixture();

    private Refusal refusal(AccessControl.Outcome o) {
        return ((Decision.Refused) o.decision()).reason();
    }

    @Test
    void aValidCardOpensLock1ForTheUnlockPeriodAndIsRecordedWithThePerson() {
        Person anna = f.person("Anna Muster", null, null, "", card("12345678"));
        var o = f.access.unlock(new Credential.Presented("12345678", "wiegand"));
        assertThat(o.granted()).isTrue();
        assertThat(f.lock1.pulses).containsExactly(Duration.ofSeconds(2));
        assertThat(f.lock2.pulses).isEmpty();
        assertThat(f.lock1.state().energized()).isTrue();
        f.advance(Duration.ofSeconds(2));
        assertThat(f.lock1.state().energized()).isFalse();
        var r = f.unlocks.rows.getFirst();
        assertThat(r.granted()).isTrue();
        assertThat(r.personId()).isEqualTo(anna.id());
        assertThat(r.person()).isEqualTo("Anna Muster");
        assertThat(r.room()).isEqualTo("101");
        assertThat(r.credential()).isEqualTo("…5678");
        assertThat(r.lock()).isEqualTo(1);
        assertThat(f.events).anyMatch(e -> e.topic().equals("door/1/unlocked"));
        assertThat(f.events).anyMatch(e -> e.topic().equals("access/granted"));
    }

    @Test
    void theUnlockIndicatorIsLitForTheUnlockPeriodAndTheUnlockToneSounds() {
        f.person("Anna", null, null, "", card("1"));
        f.access.unlock(new Credential.Presented("1", "r"));
        assertThat(f.outputs.lit).contains(FacadeOutputs.Indicator.UNLOCK);
        assertThat(f.outputs.played).containsExactly("unlock");
        f.advance(Duration.ofMillis(1999));
        assertThat(f.outputs.lit).contains(FacadeOutputs.Indicator.UNLOCK);
        f.advance(Duration.ofMillis(1));
        assertThat(f.outputs.lit).doesNotContain(FacadeOutputs.Indicator.UNLOCK);
    }

    @Test
    void aRefusalPlaysTheRefusalPromptLightsNothingAndIsRecordedWithItsReason() {
        var o = f.access.unlock(new Credential.Presented("999", "r"));
        assertThat(refusal(o)).isEqualTo(Refusal.UNKNOWN_CARD);
        assertThat(f.outputs.lit).isEmpty();
        assertThat(f.outputs.played).containsExactly("error");
        assertThat(f.messages.getLast()).containsExactly("Not opened", "unknown card");
        assertThat(f.lock1.pulses).isEmpty();
        assertThat(f.unlocks.rows.getFirst().refusal()).isEqualTo(Refusal.UNKNOWN_CARD);
        assertThat(f.unlocks.rows.getFirst().credential()).isEqualTo("…999");
    }

    @Test
    void aLostCardIsRefusedFromTheNextPresentation() {
        Person p = f.person("Anna", null, null, "", card("4711"));
        assertThat(f.access.unlock(new Credential.Presented("4711", "r")).granted())
                .isTrue();
        f.peopleService.cardStatus(p.id(), "4711", Card.Status.LOST);
        f.advance(Duration.ofSeconds(10));
        assertThat(refusal(f.access.unlock(new Credential.Presented("4711", "r"))))
                .isEqualTo(Refusal.CARD_LOST);
    }

    @Test
    void aFrozenCardIsRefused() {
        Person p = f.person("Anna", null, null, "", card("4711"));
        f.peopleService.cardStatus(p.id(), "4711", Card.Status.FROZEN);
        assertThat(refusal(f.access.unlock(new Credential.Presented("4711", "r"))))
                .isEqualTo(Refusal.CARD_FROZEN);
    }

    @Test
    void aCardOpensFromItsFirstDayToItsLastDayInclusive() {
        f.person("Anna", null, null, "", new PersonForm.CardForm("1", "", "2026-12-03", "2026-12-04", ""));
        assertThat(refusal(f.access.unlock(new Credential.Presented("1", "r")))).isEqualTo(Refusal.NOT_YET_VALID);
        f.advance(Duration.ofDays(1));
        assertThat(f.access.unlock(new Credential.Presented("1", "r")).granted())
                .isTrue();
        f.advance(Duration.ofDays(1));
        assertThat(f.access.unlock(new Credential.Presented("1", "r")).granted())
                .isTrue();
        f.advance(Duration.ofDays(1));
        assertThat(refusal(f.access.unlock(new Credential.Presented("1", "r")))).isEqualTo(Refusal.EXPIRED);
        assertThat(LocalDate.ofInstant(f.clock.instant(), java.time.ZoneOffset.UTC))
                .isEqualTo("2026-12-05");
    }

    @Test
    void aCardOutsideItsPersonsScheduleIsRefused() {
        f.person("Anna", null, null, "mon-fri 07:00-09:00", card("1"));
        assertThat(refusal(f.access.unlock(new Credential.Presented("1", "r")))).isEqualTo(Refusal.OUTSIDE_SCHEDULE);
        f.advance(Duration.ofHours(22)); // Thursday 08:00
        assertThat(f.access.unlock(new Credential.Presented("1", "r")).granted())
                .isTrue();
    }

    @Test
    void anEnrolledFingerOpensAndAnUnknownOneIsRefused() {
        Person p = f.person("Anna", null, null, "");
        f.peopleService.addFingerprint(p.id(), "right index", "SIM-FP-anna-1");
        assertThat(f.access.unlock(new Credential.Finger("SIM-FP-anna-1")).granted())
                .isTrue();
        f.advance(Duration.ofSeconds(10));
        assertThat(refusal(f.access.unlock(new Credential.Finger("SIM-FP-bob-1"))))
                .isEqualTo(Refusal.UNKNOWN_FINGERPRINT);
    }

    @Test
    void aPersonsPinAndThePublicPasswordOpen() {
        f.person("Anna", "2580", null, "");
        f.publicPassword = Optional.of(f.digests.pin("123456"));
        assertThat(f.access
                        .unlock(new Credential.Keypad("2580"))
                        .decision()
                        .who()
                        .person())
                .isEqualTo("Anna");
        f.advance(Duration.ofSeconds(10));
        var pub = f.access.unlock(new Credential.Keypad("123456"));
        assertThat(pub.granted()).isTrue();
        assertThat(pub.record().credential()).isEqualTo("public password");
    }

    @Test
    void theDuressPinOpensLikeAnyPinAndRaisesASilentAlarmToTheCentre() {
        f.person("Anna", "2580", "9999", "");
        var o = f.access.unlock(new Credential.Keypad("9999"));
        assertThat(o.granted()).isTrue();
        assertThat(f.lock1.pulses).hasSize(1);
        assertThat(f.outputs.played).as("nothing different at the door").containsExactly("unlock");
        assertThat(f.messages.getLast()).containsExactly("Door open", "Please come in");
        assertThat(o.record().duress()).isTrue();
        assertThat(f.alarmStore.rows)
                .singleElement()
                .satisfies(a -> assertThat(a.type()).isEqualTo(AlarmType.DURESS));
        assertThat(f.centre.received).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("vto-alarm-1");
            assertThat(m.body()).contains("\"type\":\"duress\"", "\"room\":\"101\"", "\"vto\":\"8001\"");
        });
    }

    @Test
    void aSecondUnlockInsideTheRespondingIntervalIsRefusedButTheExitButtonIsNot() {
        f.person("Anna", null, null, "", card("1"));
        assertThat(f.access.unlock(new Credential.Presented("1", "r")).granted())
                .isTrue();
        f.advance(Duration.ofMillis(4999));
        assertThat(refusal(f.access.unlock(new Credential.Presented("1", "r")))).isEqualTo(Refusal.UNLOCK_INTERVAL);
        assertThat(f.access.unlock(new Credential.ExitButton(1)).granted()).isTrue();
        f.advance(Duration.ofMillis(1));
        assertThat(refusal(f.access.unlock(new Credential.Presented("1", "r"))))
                .as("the exit button's unlock counts for the interval")
                .isEqualTo(Refusal.UNLOCK_INTERVAL);
        f.advance(Duration.ofSeconds(5));
        assertThat(f.access.unlock(new Credential.Presented("1", "r")).granted())
                .isTrue();
    }

    @Test
    void theFifthWrongPasswordLocksTheKeypadRaisesAnAlarmAndTheDisplaySaysSo() {
        f.person("Anna", "2580", null, "");
        for (int i = 0; i < 4; i++) {
            assertThat(refusal(f.access.unlock(new Credential.Keypad("0000")))).isEqualTo(Refusal.WRONG_PASSWORD);
        }
        assertThat(f.alarmStore.rows).isEmpty();
        f.access.unlock(new Credential.Keypad("0000"));
        assertThat(f.access.keypadLockedUntil()).contains(AccessFixture.T0.plus(Duration.ofMinutes(5)));
        assertThat(f.messages.getLast()).containsExactly("Keypad locked", "Try again in 5 min");
        assertThat(f.alarmStore.rows)
                .singleElement()
                .satisfies(a -> assertThat(a.type()).isEqualTo(AlarmType.KEYPAD_LOCKED));
        assertThat(refusal(f.access.unlock(new Credential.Keypad("2580")))).isEqualTo(Refusal.KEYPAD_LOCKED);
        f.advance(Duration.ofMinutes(5));
        assertThat(f.access.unlock(new Credential.Keypad("2580")).granted()).isTrue();
    }

    @Test
    void eachMethodOpensTheLockAccessControlAssignsAndRemoteMayAskForOne() {
        f.settings = AccessSettings.DEFAULTS.toBuilder()
                .unlockRespondingInterval(Duration.ZERO)
                .unlockPeriod(Duration.ofSeconds(3))
                .lock(UnlockMethod.CARD, LockChoice.LOCK_2)
                .build();
        f.person("Anna", null, null, "", card("1"));
        f.access.unlock(new Credential.Presented("1", "r"));
        assertThat(f.lock2.pulses).containsExactly(Duration.ofSeconds(3));
        assertThat(f.lock1.pulses).isEmpty();
        f.access.unlock(new Credential.Remote("admin", Optional.of(LockChoice.BOTH)));
        assertThat(f.lock1.pulses).hasSize(1);
        assertThat(f.lock2.pulses).hasSize(2);
        assertThat(f.unlocks.rows.getLast().lock()).isEqualTo(3);
    }

    @Test
    void theUnlockCommandsByDtmfOpenTheirLockAndOtherDigitsAreRefused() {
        assertThat(f.access.unlock(new Credential.Dtmf("#", "101#0", "101")).granted())
                .isTrue();
        assertThat(f.lock1.pulses).hasSize(1);
        f.advance(Duration.ofSeconds(5));
        assertThat(f.access.unlock(new Credential.Dtmf("*", "101#0", "101")).granted())
                .isTrue();
        assertThat(f.lock2.pulses).hasSize(1);
        assertThat(refusal(f.access.unlock(new Credential.Dtmf("5", "101#0", "101"))))
                .isEqualTo(Refusal.WRONG_COMMAND);
    }

    @Test
    void anOfflineLockRelayRefusesWithThatReason() {
        f.lock1.status = ModuleStatus.offline("GPIO chip gone");
        var o = f.access.unlock(new Credential.Remote("admin", Optional.empty()));
        assertThat(refusal(o)).isEqualTo(Refusal.LOCK_OFFLINE);
        f.lock1.status = ModuleStatus.ONLINE;
        assertThat(f.access
                        .unlock(new Credential.Remote("admin", Optional.empty()))
                        .granted())
                .as("a refused unlock does not start the interval")
                .isTrue();
    }

    @Test
    void aDisabledExitButtonDoesNotOpen() {
        f.settings =
                AccessSettings.DEFAULTS.toBuilder().exitButtonEnabled(false).build();
        assertThat(refusal(f.access.unlock(new Credential.ExitButton(1)))).isEqualTo(Refusal.EXIT_BUTTON_DISABLED);
        assertThat(f.lock1.pulses).isEmpty();
        assertThat(List.copyOf(f.outputs.played)).containsExactly("error");
    }
}

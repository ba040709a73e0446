package org.openvto.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvto.access.AccessFixture.card;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvto.validation.FieldError;
import org.openvto.validation.Result;

class PeopleServiceTest {
    private final AccessFixture f = new AccessFixture();

    private List<FieldError> errors(Result<?> r) {
        assertThat(r).isInstanceOf(Result.Rejected.class);
        return ((Result.Rejected<?>) r).errors();
    }

    @Test
    void aPersonNeedsARoomOfRoomNoManagementANameAndValidCredentials() {
        var r = f.peopleService.add(new PersonForm(
                "999",
                "",
                "mon 25:00-26:00",
                "12",
                "abc",
                List.of(new PersonForm.CardForm("12a", "vip", "2026-13-01", "", "gone"))));
        assertThat(errors(r))
                .extracting(FieldError::field)
                .contains("room", "name", "schedule", "pin", "duressPin", "cards[0].number");
        assertThat(f.people.count("")).isZero();
    }

    @Test
    void aCardIsRefusedWhenItBelongsToSomeoneElseAndNothingIsStored() {
        Person anna = f.person("Anna", null, null, "", card("4711"));
        var r = f.peopleService.add(new PersonForm("102", "Bob", "", null, null, List.of(card("4711"))));
        assertThat(errors(r)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("cards[0].number");
            assertThat(e.message()).contains("…4711", "person " + anna.id());
        });
        assertThat(f.people.count("")).isEqualTo(1);
    }

    @Test
    void aPersonHasAtMostFiveCards() {
        var r = f.peopleService.add(new PersonForm(
                "101",
                "Anna",
                "",
                null,
                null,
                List.of(card("1"), card("2"), card("3"), card("4"), card("5"), card("6"))));
        assertThat(errors(r)).extracting(FieldError::field).contains("cards");
    }

    @Test
    void aPinMayNotBeAnotherPersonsNorThePublicPasswordNorTheirOwnDuressPin() {
        f.person("Anna", "2580", null, "");
        assertThat(errors(f.peopleService.add(new PersonForm("102", "Bob", "", "2580", null, List.of()))))
                .extracting(FieldError::field)
                .containsExactly("pin");
        f.publicPassword = Optional.of(f.digests.pin("123456"));
        assertThat(errors(f.peopleService.add(new PersonForm("102", "Bob", "", "123456", null, List.of()))))
                .extracting(FieldError::message)
                .containsExactly("is the public unlock password; choose another");
        assertThat(errors(f.peopleService.add(new PersonForm("102", "Bob", "", "1111", "1111", List.of()))))
                .extracting(FieldError::field)
                .containsExactly("duressPin");
    }

    @Test
    void anUpdateKeepsThePinWhenNoneIsSentAndKeepsItsOwnCards() {
        Person anna = f.person("Anna", "2580", null, "", card("4711"));
        var r = f.peopleService.update(
                anna.id(), new PersonForm("101", "Anna M.", "", null, "9999", List.of(card("4711"))));
        assertThat(r).isInstanceOf(Result.Applied.class);
        Person p = f.peopleService.get(anna.id()).orElseThrow();
        assertThat(p.hasPin()).isTrue();
        assertThat(p.hasDuressPin()).isTrue();
        assertThat(p.name()).isEqualTo("Anna M.");
    }

    @Test
    void deletingAPersonRemovesTheirCredentialsAtOnce() {
        Person anna = f.person("Anna", "2580", null, "", card("4711"));
        f.peopleService.addFingerprint(anna.id(), "index", "SIM-FP-1");
        assertThat(f.peopleService.delete(anna.id())).isTrue();
        assertThat(f.access.unlock(new Credential.Presented("4711", "r")).granted())
                .isFalse();
        assertThat(f.access.unlock(new Credential.Finger("SIM-FP-1")).granted()).isFalse();
        assertThat(f.access.unlock(new Credential.Keypad("2580")).granted()).isFalse();
        assertThat(f.people.forgotten).containsExactly(anna.id());
    }

    @Test
    void theNextFingerWhileAnEnrolmentWaitsBecomesThePersonsTemplate() {
        Person anna = f.person("Anna", null, null, "");
        f.peopleService.startEnrolment(anna.id(), "right index");
        assertThat(f.peopleService.enrol("SIM-FP-7"))
                .hasValueSatisfying(r -> assertThat(r).isInstanceOf(Result.Applied.class));
        assertThat(f.peopleService.enrol("SIM-FP-8"))
                .as("one finger per enrolment")
                .isEmpty();
        assertThat(f.peopleService.get(anna.id()).orElseThrow().fingerprints())
                .extracting(Fingerprint::label)
                .containsExactly("right index");
    }

    @Test
    void anEnrolmentExpiresAfterItsWindow() {
        Person anna = f.person("Anna", null, null, "");
        f.peopleService.startEnrolment(anna.id(), "x");
        f.advance(PeopleService.ENROLMENT_WINDOW.plusMillis(1));
        assertThat(f.peopleService.enrol("SIM-FP-7")).isEmpty();
    }

    @Test
    void aCsvOf5000PeopleWithOneBadRowImportsNothingAndNamesTheRow() {
        StringBuilder csv = new StringBuilder("room,name,card,valid_from,valid_to\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(i % 2 == 0 ? "101" : "102")
                    .append(",Person ")
                    .append(i)
                    .append(',')
                    .append(100_000 + i)
                    .append(",2026-01-01,2027-12-31\n");
        }
        String bad = csv.toString()
                .replace(
                        "102,Person 4321,104321,2026-01-01,2027-12-31", "102,Person 4321,104321,2026-01-01,2025-12-31");
        var r = f.peopleService.importCsv(bad);
        assertThat(errors(r))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.message()).isEqualTo("line 4323: cards[0].validTo must not be before valid from"));
        assertThat(f.people.count("")).isZero();
        assertThat(f.peopleService.importCsv(csv.toString())).isEqualTo(Result.applied(5000));
        assertThat(f.people.count("")).isEqualTo(5000);
    }

    @Test
    void rowsOfOnePersonBecomeTheirCardsAndADuplicateCardNamesBothLines() {
        var r = f.peopleService.importCsv("101,Anna,1\n101,Anna,2\n102,Bob,1\n");
        assertThat(errors(r))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.message()).isEqualTo("line 3: cards[0].number card …1 is already on line 1"));
        assertThat(f.peopleService.importCsv("101,Anna,1\n101,Anna,2\n102,Bob,3\n"))
                .isEqualTo(Result.applied(2));
        assertThat(f.peopleService.page("Anna", 0, 10).getFirst().cards())
                .extracting(Card::number)
                .containsExactly("1", "2");
    }

    @Test
    void aMalformedCsvIsRefusedWithItsLine() {
        assertThat(errors(f.peopleService.importCsv("101,\"Anna\n")).getFirst().message())
                .isEqualTo("line 1: a quoted field is not closed");
        assertThat(errors(f.peopleService.importCsv("101,\"Anna\"x,1\n"))
                        .getFirst()
                        .message())
                .isEqualTo("line 1: text after a closing quote");
    }
}

package org.openvto.web.internal.people;

import java.util.List;
import org.openvto.web.internal.Paging;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * What the template {@code console/household/people.jte} shows: Household Setting › People — the list, the add or
 * modify form, the fingerprints of the person modified and the CSV import.
 *
 * @param rooms         the rooms of Room No. Management, for the form's select
 * @param fingerprints  the person's fingerprints, {@code null} when adding
 * @param importErrors  every bad row of a rejected CSV import
 */
public record PeopleView(
        List<Row> people,
        Paging paging,
        String search,
        PersonFields form,
        List<String> rooms,
        FormErrors errors,
        Notice notice,
        Fingerprints fingerprints,
        String importCsv,
        List<String> importErrors) {
    /** A person in the list: cards as their last 4 digits with their status, never a PIN. */
    public record Row(
            long id,
            String room,
            String name,
            List<CardRef> cards,
            boolean hasPin,
            boolean hasDuressPin,
            int fingerprints) {}

    /** @param index the card's place in the person's list, which its Report loss button names */
    public record CardRef(int index, String reference, String status) {}

    /** The form's values; {@code id} 0 for a new person. PINs are never shown, only whether they are set. */
    public record PersonFields(
            long id,
            String room,
            String name,
            String schedule,
            boolean hasPin,
            boolean hasDuressPin,
            List<CardFields> cards) {}

    public record CardFields(String number, String kind, String validFrom, String validTo, String status) {
        static final CardFields BLANK = new CardFields("", "normal", "", "", "normal");
    }

    /**
     * The fingerprints of the person modified, and the enrolment waiting for their finger.
     *
     * @param waitingLabel the label of the finger the module waits for, empty when none
     */
    public record Fingerprints(long personId, List<Print> prints, String waitingLabel, String waitingUntil) {
        public boolean waiting() {
            return !waitingLabel.isEmpty();
        }
    }

    public record Print(long id, String label, String enrolled) {}
}

package org.openvto.records;

import java.time.Instant;
import java.util.Objects;
import org.openvto.access.Refusal;
import org.openvto.access.UnlockMethod;

/**
 * One attempt to open the door, granted or refused (Quick Start Guide 1.2 "unlock records").
 *
 * @param id           the store's id; 0 before it is stored
 * @param method       how it was tried
 * @param room         the room of the person, the calling monitor or the remote user's room; empty when unknown
 *                     (an unknown card)
 * @param person       the person's name; empty when unknown, or after the person was deleted (privacy: the
 *                     record keeps the room and the method but no longer the name)
 * @param personId     the person's id, 0 when none
 * @param credential   a reference to the credential that is no secret: the card number's last 4 digits
 *                     ({@code …4711}), the fingerprint's label, {@code public password}, the user name of a remote
 *                     unlock; empty when none
 * @param lock         the lock opened (1 or 2), 0 when none (refused) or 3 for both
 * @param refusal      why it was refused; {@code null} when granted
 * @param duress       opened with a duress PIN (a silent alarm went to the centre)
 */
public record UnlockRecord(
        long id,
        Instant at,
        UnlockMethod method,
        String room,
        String person,
        long personId,
        String credential,
        int lock,
        Refusal refusal,
        boolean duress) {
    public UnlockRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        room = room == null ? "" : room;
        person = person == null ? "" : person;
        credential = credential == null ? "" : credential;
    }

    public boolean granted() {
        return refusal == null;
    }

    /** {@code granted} or {@code refused}: the result a {@link RecordFilter} names. */
    public String result() {
        return granted() ? "granted" : "refused";
    }

    public UnlockRecord withId(long newId) {
        return new UnlockRecord(newId, at, method, room, person, personId, credential, lock, refusal, duress);
    }
}

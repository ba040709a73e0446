package org.openvto.access;

/**
 * The outcome of one {@link AccessDecision}: granted with the lock to open, or refused with the reason. Either way
 * it says who and what, for the record.
 *
 * @param who what is known of the person and credential by the stage that decided
 */
public sealed interface Decision {
    Identity who();

    record Granted(Identity who, LockChoice lock) implements Decision {}

    record Refused(Identity who, Refusal reason) implements Decision {}

    /**
     * Who presented what.
     *
     * @param personId   0 when no person (public password, remote, exit button, unknown credential)
     * @param person     the person's name, empty when none
     * @param room       the person's room, the calling device's room or empty
     * @param credential a reference that is no secret (last digits of a card, {@code public password}, the user)
     * @param duress     the person's duress PIN was used
     */
    record Identity(UnlockMethod method, long personId, String person, String room, String credential, boolean duress) {
        public static Identity anonymous(UnlockMethod method, String credential) {
            return new Identity(method, 0, "", "", credential, false);
        }

        static Identity of(UnlockMethod method, Person p, String credential, boolean duress) {
            return new Identity(method, p.id(), p.name(), p.room(), credential, duress);
        }
    }
}

package org.openvto.web.internal.accesscontrol;

import java.util.Optional;
import org.openvto.access.CredentialDigests;
import org.openvto.access.PeopleService;
import org.openvto.household.AccessControlService;
import org.openvto.household.Change;
import org.openvto.validation.Result;

/**
 * The rules of the public unlock password ({@code #} + password + {@code #} on the keypad), for the page and the
 * API alike: 6 to 8 digits, not one digit repeated nor a run, no person's PIN; empty removes it.
 */
final class PublicPassword {
    private final AccessControlService settings;
    private final CredentialDigests digests;
    private final PeopleService people;

    PublicPassword(AccessControlService settings, CredentialDigests digests, PeopleService people) {
        this.settings = settings;
        this.digests = digests;
        this.people = people;
    }

    /** Sets {@code password} (empty: removes it), or names the rule it breaks (field {@code password}). */
    Result<Change> set(String password) {
        if (password == null) {
            return Result.rejected("password", "is required (empty removes the public unlock password)");
        }
        if (password.isEmpty()) {
            return settings.publicPassword(Optional.empty());
        }
        if (!password.matches("[0-9]{6,8}")) {
            return Result.rejected("password", "must be 6 to 8 digits (entered on the keypad as # + password + #)");
        }
        if (password.chars().distinct().count() == 1
                || "0123456789".contains(password)
                || "9876543210".contains(password)) {
            return Result.rejected("password", "must not be one digit repeated or a run such as 123456");
        }
        String digest = digests.pin(password);
        if (people.pinInUse(digest)) {
            return Result.rejected("password", "is a person's PIN; choose another");
        }
        return settings.publicPassword(Optional.of(digest));
    }
}

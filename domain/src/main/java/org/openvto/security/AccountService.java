package org.openvto.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openvto.digest.DigestAlgorithm;
import org.openvto.event.EventBus;
import org.openvto.validation.FieldError;

/**
 * Device initialization (Quick Start Guide 4.2.1) and password management of the VTO's accounts.
 *
 * <p>A new VTO has no account and no default password; {@link #initialize} creates {@code admin}
 * exactly once (a second call, even concurrent, reports {@link InitResult.AlreadyInitialized}).
 * The password is stored as an Argon2id hash plus the encrypted digest secrets (see
 * {@link SecretCipher}). Thread-safe.
 */
public final class AccountService {
    private static final Pattern EMAIL = Pattern.compile(
            "^[^@\\s\"<>]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final SecretCipher cipher;
    private final EventBus bus;
    private final Clock clock;
    private final String realm;

    public AccountService(
            AccountStore accounts,
            PasswordHasher hasher,
            SecretCipher cipher,
            EventBus bus,
            Clock clock,
            String realm) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.cipher = cipher;
        this.bus = bus;
        this.clock = clock;
        this.realm = realm;
    }

    /** Outcome of {@link #initialize}. */
    public sealed interface InitResult {
        record Initialized() implements InitResult {}

        record Rejected(List<FieldError> errors) implements InitResult {}

        record AlreadyInitialized() implements InitResult {}
    }

    /** Outcome of {@link #changePassword}. */
    public sealed interface ChangeResult {
        record Changed() implements ChangeResult {}

        record Rejected(List<FieldError> errors) implements ChangeResult {}
    }

    /** The HTTP Digest realm of this device ({@code Login to <serial>}, as Dahua devices use). */
    public String realm() {
        return realm;
    }

    public boolean initialized() {
        return accounts.anyAdministrator();
    }

    /**
     * Validates the Device Init form only (the first of its two steps), changing nothing.
     * Field names: {@code password}, {@code confirm}.
     */
    public List<FieldError> checkNewPassword(String username, String password, String confirmation) {
        List<FieldError> errors = new ArrayList<>();
        for (PasswordRule rule : PasswordPolicy.violations(username, password, confirmation)) {
            errors.add(new FieldError(
                    rule == PasswordRule.CONFIRMATION ? "confirm" : "password",
                    rule == PasswordRule.CONFIRMATION ? rule.message() : "Password " + rule.message()));
        }
        return errors;
    }

    /** Checks an optional reset e-mail address; {@code null} or blank means none. Field name {@code email}. */
    public List<FieldError> checkEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        if (email.length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
            return List.of(
                    new FieldError("email", "E-mail address must look like name@example.com (at most 254 characters)"));
        }
        return List.of();
    }

    /**
     * A checked new password, already hashed and sealed, so the Device Init wizard can keep it between
     * its two steps without holding the plaintext.
     */
    public record PreparedPassword(String username, String passwordHash, String digestSecrets) {
        @Override
        public String toString() {
            return "PreparedPassword[" + username + "]";
        }
    }

    /** Outcome of {@link #prepare}. */
    public sealed interface PrepareResult {
        record Ready(PreparedPassword password) implements PrepareResult {}

        record Rejected(List<FieldError> errors) implements PrepareResult {}
    }

    /** Checks a new password for {@code username} and, if acceptable, hashes it. Changes nothing. */
    public PrepareResult prepare(String username, String password, String confirmation) {
        List<FieldError> errors = checkNewPassword(username, password, confirmation);
        if (!errors.isEmpty()) {
            return new PrepareResult.Rejected(errors);
        }
        return new PrepareResult.Ready(new PreparedPassword(
                username, hasher.hash(password), DigestSecrets.seal(cipher, username, realm, password)));
    }

    /** Device Init in one call (CLI, API): nothing is written unless every field is valid. */
    public InitResult initialize(String password, String confirmation, String email, String source) {
        List<FieldError> errors = new ArrayList<>(checkNewPassword(Account.ADMIN, password, confirmation));
        errors.addAll(checkEmail(email));
        if (!errors.isEmpty()) {
            return new InitResult.Rejected(List.copyOf(errors));
        }
        if (initialized()) {
            return new InitResult.AlreadyInitialized();
        }
        return initialize(
                ((PrepareResult.Ready) prepare(Account.ADMIN, password, confirmation)).password(), email, source);
    }

    /** Second step of Device Init: creates {@code admin} from a prepared password and the optional e-mail. */
    public InitResult initialize(PreparedPassword admin, String email, String source) {
        List<FieldError> errors = checkEmail(email);
        if (!errors.isEmpty()) {
            return new InitResult.Rejected(errors);
        }
        if (!Account.ADMIN.equals(admin.username())) {
            throw new IllegalArgumentException("Device Init creates the admin account only");
        }
        Instant now = clock.instant();
        String cleanEmail = email == null || email.isBlank() ? null : email.strip();
        Account account = new Account(
                Account.ADMIN, AccountGroup.ADMIN, admin.passwordHash(), admin.digestSecrets(), cleanEmail, now, now);
        if (accounts.anyAdministrator() || !accounts.insert(account)) {
            return new InitResult.AlreadyInitialized();
        }
        bus.publish(new SecurityEvent.DeviceInitialized(
                Account.ADMIN, source, cleanEmail == null ? "without reset e-mail" : "reset e-mail set"));
        return new InitResult.Initialized();
    }

    /**
     * Changes {@code username}'s password after checking the old one. The caller is already
     * authenticated; the old password is asked again so a left-open session cannot take the account.
     */
    public ChangeResult changePassword(
            String username, String oldPassword, String newPassword, String confirmation, String source) {
        Optional<Account> account = accounts.find(username);
        if (account.isEmpty()) {
            return new ChangeResult.Rejected(List.of(new FieldError("username", "No such account")));
        }
        if (oldPassword == null || !hasher.verify(oldPassword, account.get().passwordHash())) {
            return new ChangeResult.Rejected(List.of(new FieldError("oldPassword", "Old password is wrong")));
        }
        List<FieldError> errors = new ArrayList<>(checkNewPassword(username, newPassword, confirmation));
        if (errors.isEmpty() && newPassword.equals(oldPassword)) {
            errors.add(new FieldError("password", "New password must differ from the old one"));
        }
        if (!errors.isEmpty()) {
            return new ChangeResult.Rejected(List.copyOf(errors));
        }
        accounts.updatePassword(
                username,
                hasher.hash(newPassword),
                DigestSecrets.seal(cipher, username, realm, newPassword),
                clock.instant());
        bus.publish(new SecurityEvent.PasswordChanged(username, source, "password changed"));
        return new ChangeResult.Changed();
    }

    /** The account's HA1 for {@code algorithm}, decrypted. */
    Optional<String> ha1(Account account, DigestAlgorithm algorithm) {
        return Optional.ofNullable(
                DigestSecrets.open(cipher, account.digestSecrets()).get(algorithm));
    }

    Optional<Account> find(String username) {
        return accounts.find(username);
    }

    PasswordHasher hasher() {
        return hasher;
    }
}

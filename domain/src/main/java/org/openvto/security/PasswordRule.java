package org.openvto.security;

/**
 * The password rules of the Quick Start Guide's appendix "Use Strong Passwords", each with the message a user sees
 * when a password breaks it.
 */
public enum PasswordRule {
    LENGTH("must be 8 to 32 characters long"),
    CHARACTER_SET("may contain only letters, digits and the symbols !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ (no spaces)"),
    CHARACTER_TYPES(
            "must contain at least two types of characters: upper-case letters, lower-case letters, digits, symbols"),
    CONTAINS_ACCOUNT_NAME("must not contain the account name or the account name reversed"),
    CONSECUTIVE("must not contain 3 or more consecutive characters such as 123, abc or cba"),
    REPEATED("must not contain 3 or more repeated characters such as 111 or aaa"),
    CONFIRMATION("the two passwords do not match");

    private final String message;

    PasswordRule(String message) {
        this.message = message;
    }

    /** Human-readable statement of the rule, phrased as what the password must (not) do. */
    public String message() {
        return message;
    }
}

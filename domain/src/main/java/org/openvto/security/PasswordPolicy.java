package org.openvto.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a new password against the Quick Start Guide's strong-password rules (appendix 1, item 1).
 *
 * <p>Letters are compared case-insensitively for the account-name, run and repetition rules, so
 * {@code ADMIN}, {@code aBc} and {@code AaA} are all refused. Runs are ascending or descending
 * sequences of three letters or three digits. Stateless and thread-safe.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 32;

    private PasswordPolicy() {}

    /** Every rule {@code password} breaks for {@code accountName}; empty when it is acceptable. */
    public static List<PasswordRule> violations(String accountName, String password) {
        List<PasswordRule> broken = new ArrayList<>();
        if (password == null) {
            return List.of(PasswordRule.LENGTH);
        }
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            broken.add(PasswordRule.LENGTH);
        }
        if (!password.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            broken.add(PasswordRule.CHARACTER_SET);
        }
        if (characterTypes(password) < 2) {
            broken.add(PasswordRule.CHARACTER_TYPES);
        }
        if (containsAccountName(accountName, password)) {
            broken.add(PasswordRule.CONTAINS_ACCOUNT_NAME);
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (hasRun(folded)) {
            broken.add(PasswordRule.CONSECUTIVE);
        }
        if (hasRepeat(folded)) {
            broken.add(PasswordRule.REPEATED);
        }
        return List.copyOf(broken);
    }

    /** Violations including the confirmation check of the Device Init and change-password forms. */
    public static List<PasswordRule> violations(String accountName, String password, String confirmation) {
        List<PasswordRule> broken = new ArrayList<>(violations(accountName, password));
        if (password != null && !password.equals(confirmation)) {
            broken.add(PasswordRule.CONFIRMATION);
        }
        return List.copyOf(broken);
    }

    private static int characterTypes(String p) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (char c : p.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    private static boolean containsAccountName(String accountName, String password) {
        if (accountName == null || accountName.isEmpty()) {
            return false;
        }
        String p = password.toLowerCase(Locale.ROOT);
        String name = accountName.toLowerCase(Locale.ROOT);
        return p.contains(name) || p.contains(new StringBuilder(name).reverse());
    }

    private static boolean hasRun(String p) {
        for (int i = 0; i + 2 < p.length(); i++) {
            char a = p.charAt(i);
            char b = p.charAt(i + 1);
            char c = p.charAt(i + 2);
            boolean sameClass = (isDigit(a) && isDigit(b) && isDigit(c)) || (isLetter(a) && isLetter(b) && isLetter(c));
            if (sameClass && ((b == a + 1 && c == b + 1) || (b == a - 1 && c == b - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasRepeat(String p) {
        for (int i = 0; i + 2 < p.length(); i++) {
            if (p.charAt(i) == p.charAt(i + 1) && p.charAt(i) == p.charAt(i + 2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}

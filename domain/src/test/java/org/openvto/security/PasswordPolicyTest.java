package org.openvto.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    @Test
    void admin123BreaksTheAccountNameAndRunRules() {
        assertThat(PasswordPolicy.violations("admin", "admin123"))
                .containsExactly(PasswordRule.CONTAINS_ACCOUNT_NAME, PasswordRule.CONSECUTIVE);
    }

    @ParameterizedTest
    @CsvSource({
        "Ab1#xyQ, LENGTH",
        "Ab1#xyQ9Ab1#xyQ9Ab1#xyQ9Ab1#xyQ9Z, LENGTH",
        "Xy7 pq2mZ, CHARACTER_SET",
        "Xy7épq2mZ, CHARACTER_SET",
        "qwertzuiop, CHARACTER_TYPES",
        "93817465, CHARACTER_TYPES",
        "Nimda#7Tx, CONTAINS_ACCOUNT_NAME",
        "xADMINx9, CONTAINS_ACCOUNT_NAME",
        "Qw#xyz82, CONSECUTIVE",
        "Qw#CBA82, CONSECUTIVE",
        "Qw#8765t, CONSECUTIVE",
        "Qw#aAa82, REPEATED",
        "Qw#11182, REPEATED",
    })
    void eachRuleIsReportedByName(String password, PasswordRule rule) {
        assertThat(PasswordPolicy.violations("admin", password)).contains(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Door#Bell42", "kX9!mQ2$", "Vto4202f-P", "Tr0ub4dor&3"})
    void strongPasswordsPass(String password) {
        assertThat(PasswordPolicy.violations("admin", password)).isEmpty();
    }

    @Test
    void mismatchedConfirmationIsItsOwnRule() {
        assertThat(PasswordPolicy.violations("admin", "Door#Bell42", "Door#Bell43"))
                .containsExactly(PasswordRule.CONFIRMATION);
    }

    @Test
    void symbolsDoNotCountAsRuns() {
        assertThat(PasswordPolicy.violations("admin", "Xq!\"#4pZ")).isEmpty();
    }
}

package org.openvto.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ipv4Test {
    @Test
    void parsesDottedQuadsStrictly() {
        assertThat(Ipv4.parse("192.168.1.108")).contains(0xC0A8016CL);
        assertThat(Ipv4.parse("192.168.1.256")).isEmpty();
        assertThat(Ipv4.parse("192.168.01.1")).isEmpty();
        assertThat(Ipv4.parse("192.168.1")).isEmpty();
        assertThat(Ipv4.parse(" 192.168.1.1")).isEmpty();
    }

    @Test
    void hostsMasksAndSubnets() {
        assertThat(Ipv4.validHost("0.0.0.0")).isFalse();
        assertThat(Ipv4.validHost("127.0.0.1")).isFalse();
        assertThat(Ipv4.validHost("224.0.0.1")).isFalse();
        assertThat(Ipv4.validMask("255.255.255.0")).isTrue();
        assertThat(Ipv4.validMask("255.0.255.0")).isFalse();
        assertThat(Ipv4.validMask("255.255.255.255")).isFalse();
        assertThat(Ipv4.sameSubnet("192.168.1.108", "192.168.1.1", "255.255.255.0"))
                .isTrue();
        assertThat(Ipv4.sameSubnet("192.168.1.108", "192.168.2.1", "255.255.255.0"))
                .isFalse();
        assertThat(Ipv4.networkOrBroadcast("192.168.1.255", "255.255.255.0")).isTrue();
        assertThat(Ipv4.networkOrBroadcast("192.168.1.0", "255.255.255.0")).isTrue();
        assertThat(Ipv4.networkOrBroadcast("192.168.1.7", "255.255.255.0")).isFalse();
    }
}

package org.openvto.network;

/**
 * Network Setting › Basic (TCP/IP, Quick Start Guide 4.2.3) and the service ports. On a PC the VTO cannot change
 * the host's address: the address is stored and services bind to it only when the host has it.
 */
public record NetworkSettings(
        String ipAddress,
        String subnetMask,
        String gateway,
        String dns,
        int httpPort,
        int httpsPort,
        int rtspPort,
        int sipPort) {}

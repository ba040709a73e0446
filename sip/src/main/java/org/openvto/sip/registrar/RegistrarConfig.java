package org.openvto.sip.registrar;

/**
 * @param realm          digest realm and SIP domain ({@code VDP} for a VTO server)
 * @param minExpires     shortest registration accepted, seconds (shorter → 423 with Min-Expires)
 * @param maxExpires     longest granted; longer requests are shortened
 * @param defaultExpires when the REGISTER names none
 */
public record RegistrarConfig(String realm, int minExpires, int maxExpires, int defaultExpires) {
    public static final RegistrarConfig DEFAULT = new RegistrarConfig("VDP", 30, 3600, 60);
}

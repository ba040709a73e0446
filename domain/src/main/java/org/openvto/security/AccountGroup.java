package org.openvto.security;

/** Permission groups, as on Dahua devices ({@code userManager.cgi} groups {@code admin} and {@code user}). */
public enum AccountGroup {
    ADMIN,
    USER
}

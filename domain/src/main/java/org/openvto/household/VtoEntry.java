package org.openvto.household;

/**
 * A row of Household Setting › VTO No. Management (Quick Start Guide 4.2.5, Table 4-2).
 *
 * @param recNo            the VTO's number (1–5 digits)
 * @param registerPassword SIP register password of that VTO
 * @param buildingNo       only when another server is the SIP server; else empty
 * @param username         user name of that VTO's web interface (may be empty)
 * @param password         password of that VTO's web interface (may be empty)
 */
public record VtoEntry(
        String recNo,
        String registerPassword,
        String buildingNo,
        String unitNo,
        String ipAddress,
        String username,
        String password) {}

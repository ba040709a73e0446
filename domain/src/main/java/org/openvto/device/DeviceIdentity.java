package org.openvto.device;

/**
 * What the device says about itself on the console header, in {@code GET /api/v1/device} and in
 * {@code magicBox.cgi}.
 *
 * @param model           e.g. {@code VTO4202F-P}; Dahua clients require the {@code VTO} prefix
 * @param serialNumber    generated once at first start and kept
 * @param vtoNumber       the VTO No. of Quick Start Guide 4.2.2 (at most 5 digits)
 * @param firmwareVersion OpenVTO's version
 * @param buildDate       {@code yyyy-MM-dd} of the build
 */
public record DeviceIdentity(
        String model,
        String serialNumber,
        String vtoNumber,
        String deviceName,
        String firmwareVersion,
        String buildDate) {}

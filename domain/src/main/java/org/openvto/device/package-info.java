/**
 * The device itself: its identity ({@link org.openvto.device.DeviceIdentity}: model with the {@code VTO}
 * prefix Dahua clients require, serial number generated once, VTO No., firmware and build date, kept by
 * {@link org.openvto.device.DeviceService}), the fixed facts of the installation from the configuration file
 * ({@link org.openvto.device.DeviceConfig}), Local Setting › Basic › Device Properties
 * ({@link org.openvto.device.DeviceProperties}: VTO No., System Type, Building/Unit No.; Quick Start Guide
 * 4.2.2 and 4.2.4) with {@link org.openvto.device.SystemType} (a new VTO is analogue and cannot reach VTHs),
 * and the durable key/value {@link org.openvto.device.SettingsStore} interface that storage implements. Domain
 * layer: it must not import web, storage, the app module, JDBC, Jdbi, Netty or Javalin (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.device;

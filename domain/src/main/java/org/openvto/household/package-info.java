/**
 * The installer's configuration of the building (Quick Start Guide 4.1 step 2, 4.2.2–4.2.6) and the rules that
 * bind it together. {@link org.openvto.household.Installation} holds one service per console area behind every
 * installer page, API call and configuration import ({@code DevicePropertiesService}, {@code NetworkService},
 * {@code SipServerService}, {@code VtoListService}, {@code RoomListService}, {@code BackupService},
 * {@code SetupChecklist}, {@code RebootService}); each area's setting keys are declared once ({@code DeviceKeys},
 * {@code NetworkKeys}, {@code SipServerKeys}), secret ones marked for the store to seal. A service checks a
 * change completely with the pure rules of
 * {@code InstallationRules} (VTO numbers against room numbers, masters before extensions, at most 10
 * extensions, SIP-server and alternate-server constraints), writes it in one transaction through the
 * {@link org.openvto.household.HouseholdStore} and {@link org.openvto.device.SettingsStore} interfaces or
 * rejects it with field errors, and then publishes {@link org.openvto.household.ConfigChanged} naming the
 * services to restart. The records are the rows of VTO No. Management ({@link org.openvto.household.VtoEntry},
 * Table 4-2) and Room No. Management ({@link org.openvto.household.RoomDevice} with its
 * {@link org.openvto.household.RoomNumber} {@code room#index} and {@link org.openvto.household.RegisterType},
 * Table 4-3), "Add in batch" ({@link org.openvto.household.BatchSpec}) and the whole exportable
 * {@link org.openvto.household.InstallationSnapshot}; {@link org.openvto.household.RegistrationStatus} is how
 * the pages learn a device's online status from the SIP server without depending on it. Domain layer: it must
 * not import web, storage, the app module, JDBC, Jdbi, Netty or Javalin (checked by {@code ArchitectureTest}).
 */
package org.openvto.household;

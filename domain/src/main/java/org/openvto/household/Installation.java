package org.openvto.household;

import org.openvto.device.SettingsStore;
import org.openvto.event.EventBus;
import org.openvto.facade.DeviceModel;
import org.openvto.network.NetworkDefaults;

/**
 * The installer's configuration of this VTO (Quick Start Guide 4.1 step 2, 4.2.2–4.2.6), one service per console
 * area. Each change is checked completely first and written in one transaction, or rejected with field errors
 * and nothing written; after a change a {@link ConfigChanged} event says which services must restart and a
 * security event says who changed what from where. Changes of all areas are serialised (the rules bind them
 * together). Every service is thread-safe.
 */
public record Installation(
        DevicePropertiesService device,
        NetworkService network,
        SipServerService sipServer,
        VtoListService vtos,
        RoomListService rooms,
        BackupService backup,
        SetupChecklist checklist,
        RebootService reboot,
        FacadeService facade,
        AccessControlService access,
        VideoService video) {

    /**
     * @param settings        the device settings (secret ones sealed by the store)
     * @param household       the VTO and room lists
     * @param defaultName     the device name before the installer sets one ({@code device.default-name})
     * @param networkDefaults factory TCP/IP settings from the configuration file
     * @param defaultHttpPort the HTTP port before Network Setting is saved ({@code http.port})
     * @param defaultModel    the device model before the installer chooses one ({@code device.model})
     */
    public static Installation open(
            SettingsStore settings,
            HouseholdStore household,
            EventBus bus,
            String defaultName,
            NetworkDefaults networkDefaults,
            int defaultHttpPort,
            DeviceModel defaultModel) {
        return open(settings, household, bus, defaultName, networkDefaults, defaultHttpPort, defaultModel, false);
    }

    /**
     * As above, and whether Local Setting › Video &amp; Audio may configure external commands (encoder, audio
     * capture), from {@code video.allow-commands}: they run as the VTO's system user.
     */
    public static Installation open(
            SettingsStore settings,
            HouseholdStore household,
            EventBus bus,
            String defaultName,
            NetworkDefaults networkDefaults,
            int defaultHttpPort,
            DeviceModel defaultModel,
            boolean allowCommands) {
        InstallationContext ctx = new InstallationContext(
                settings, household, bus, defaultName, networkDefaults, defaultHttpPort, defaultModel, allowCommands);
        return new Installation(
                new DevicePropertiesService(ctx),
                new NetworkService(ctx),
                new SipServerService(ctx),
                new VtoListService(ctx),
                new RoomListService(ctx),
                new BackupService(ctx),
                new SetupChecklist(ctx),
                new RebootService(ctx),
                new FacadeService(ctx),
                new AccessControlService(ctx),
                new VideoService(ctx));
    }
}

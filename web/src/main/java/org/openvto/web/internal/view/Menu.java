package org.openvto.web.internal.view;

import java.util.List;
import java.util.Optional;

/**
 * The console's menu tree, as on the device's web interface (Quick Start Guide chapter 4; the menu users of Dahua
 * VTOs look for). Every entry has a page; those whose feature this firmware does not have yet show an
 * empty state saying so.
 */
public final class Menu {
    public static final List<MenuSection> TREE = List.of(
            new MenuSection(
                    "Local Setting",
                    List.of(
                            new MenuItem("Basic", "/console/local/basic"),
                            new MenuItem("Façade Layout", "/console/local/facade"),
                            new MenuItem("Video & Audio", "/console/local/video-audio"),
                            new MenuItem("Access Control", "/console/local/access-control"),
                            new MenuItem("System", "/console/local/system"),
                            new MenuItem("Security", "/console/local/security"))),
            new MenuSection(
                    "Door Station",
                    List.of(
                            new MenuItem("Virtual Façade", "/console/facade/virtual"),
                            new MenuItem("Alarms", "/console/alarms"))),
            new MenuSection(
                    "Household Setting",
                    List.of(
                            new MenuItem("VTO No. Management", "/console/household/vto"),
                            new MenuItem("Room No. Management", "/console/household/rooms"),
                            new MenuItem("People", "/console/household/people"))),
            new MenuSection(
                    "Network Setting",
                    List.of(
                            new MenuItem("Basic", "/console/network/basic"),
                            new MenuItem("SIP Server", "/console/network/sip"),
                            new MenuItem("Firewall", "/console/network/firewall"))),
            new MenuSection(
                    "Log / Record Search",
                    List.of(
                            new MenuItem("Call Records", "/console/records/calls"),
                            new MenuItem("Alarm Records", "/console/records/alarms"),
                            new MenuItem("Unlock Records", "/console/records/unlocks"),
                            new MenuItem("Security Log", "/console/records/security"))));

    private Menu() {}

    /** The menu section and item for {@code path}, if it is a menu page. */
    public static Optional<String> titleOf(String path) {
        for (MenuSection section : TREE) {
            for (MenuItem item : section.items()) {
                if (item.path().equals(path)) {
                    return Optional.of(section.title() + " › " + item.label());
                }
            }
        }
        return Optional.empty();
    }
}

package org.openvto.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.openvto.device.DeviceService;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeControl;
import org.openvto.household.Installation;
import org.openvto.household.RegistrationStatus;
import org.openvto.security.AccountService;
import org.openvto.security.AuthService;
import org.openvto.security.SecurityConfig;
import org.openvto.security.SecurityLogStore;

/**
 * What the web layer needs from the rest of the VTO, handed over by the composition root.
 *
 * @param databaseHealthy answers whether storage responds, for {@code /healthz}
 * @param sessions        console sessions; outlive a restart of the web server (port change)
 * @param hostAddresses   tells whether an address belongs to this host (TCP/IP page)
 * @param facade          operating the façade by hand (the virtual façade), and what it shows now
 * @param access          people, unlocks, alarms and records
 */
public record WebServices(
        EventBus bus,
        DeviceService device,
        AccountService accounts,
        AuthService auth,
        SecurityLogStore securityLog,
        SecurityConfig security,
        PrometheusMeterRegistry metrics,
        BooleanSupplier databaseHealthy,
        Clock clock,
        Installation installation,
        RegistrationStatus registrations,
        WebSessions sessions,
        HostAddresses hostAddresses,
        FacadeControl facade,
        AccessServices access,
        Camera camera) {
    /** The VTO's local time zone, in which the console shows times: the host's zone (TZ, /etc/localtime). */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.systemDefault();
    }
}

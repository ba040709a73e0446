package org.openvto.web.internal;

import io.javalin.config.RoutesConfig;
import org.openvto.household.Actor;
import org.openvto.household.Installation;
import org.openvto.web.HttpConfig;
import org.openvto.web.WebServices;
import org.openvto.web.WebSessions;
import org.openvto.web.internal.accesscontrol.AccessControlApi;
import org.openvto.web.internal.accesscontrol.AccessControlPage;
import org.openvto.web.internal.account.PasswordApi;
import org.openvto.web.internal.account.PasswordPage;
import org.openvto.web.internal.alarms.AlarmsApi;
import org.openvto.web.internal.alarms.AlarmsPage;
import org.openvto.web.internal.device.DeviceApi;
import org.openvto.web.internal.device.DevicePage;
import org.openvto.web.internal.events.EventStream;
import org.openvto.web.internal.facade.FacadeApi;
import org.openvto.web.internal.facade.FacadePage;
import org.openvto.web.internal.facade.VirtualFacadeApi;
import org.openvto.web.internal.facade.VirtualFacadePage;
import org.openvto.web.internal.health.HealthController;
import org.openvto.web.internal.home.HomePage;
import org.openvto.web.internal.init.InitController;
import org.openvto.web.internal.init.PendingInits;
import org.openvto.web.internal.login.LoginController;
import org.openvto.web.internal.network.NetworkApi;
import org.openvto.web.internal.network.NetworkPage;
import org.openvto.web.internal.people.PeopleApi;
import org.openvto.web.internal.people.PeoplePage;
import org.openvto.web.internal.records.RecordKind;
import org.openvto.web.internal.records.RecordsApi;
import org.openvto.web.internal.records.RecordsPage;
import org.openvto.web.internal.rooms.RoomListApi;
import org.openvto.web.internal.rooms.RoomListPage;
import org.openvto.web.internal.securitylog.SecurityLogApi;
import org.openvto.web.internal.securitylog.SecurityLogPage;
import org.openvto.web.internal.sipserver.SipServerApi;
import org.openvto.web.internal.sipserver.SipServerPage;
import org.openvto.web.internal.system.SystemApi;
import org.openvto.web.internal.system.SystemPage;
import org.openvto.web.internal.video.VideoApi;
import org.openvto.web.internal.video.VideoPage;
import org.openvto.web.internal.vtos.VtoListApi;
import org.openvto.web.internal.vtos.VtoListPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the gate, the error handlers and every console area onto Javalin's routes. Each area is a package with
 * its page, its REST resource and its view records, and gets only the services it uses.
 */
public final class WebRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WebRoutes.class);
    private final WebServices services;
    private final WebAuth webAuth;
    private final Pages pages;
    private final EventStream events;
    private final java.util.concurrent.ScheduledExecutorService heartbeat =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                    Thread.ofVirtual().name("sse-heartbeat").factory());

    public WebRoutes(HttpConfig http, WebServices services) {
        this.services = services;
        this.webAuth = new WebAuth(
                services.accounts(), services.auth(), services.security(), services.clock(), http, services.sessions());
        this.pages = new Pages(services.device());
        this.events = new EventStream(services.bus());
        this.heartbeat.scheduleAtFixedRate(
                events::heartbeat,
                EventStream.HEARTBEAT.toSeconds(),
                EventStream.HEARTBEAT.toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Ends the open event streams, so that stopping the server does not wait for them. */
    public void closeStreams() {
        heartbeat.shutdownNow();
        events.closeAll();
    }

    public void register(RoutesConfig routes) {
        routes.before(webAuth::before);
        // the user and address the gate authenticated become the actor of any configuration change this request
        // makes, so the security log says who changed what from where
        routes.before(ctx -> {
            String user = ctx.attribute(WebAuth.USER);
            if (user != null) {
                Actor.bind(new Actor(user, ctx.ip()));
            }
        });
        routes.after(ctx -> Actor.clear());
        routes.exception(Halt.class, (halt, ctx) -> halt.respond(ctx));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            Json.error(ctx, 500, "internal error");
        });
        routes.error(404, ctx -> {
            if (ctx.path().startsWith("/api/")) {
                Json.error(ctx, 404, "no such resource: " + ctx.path());
            } else if (ctx.attribute(Pages.RENDERED) == null) {
                // an unknown address: the framework's own "Not Found" text is replaced by the console's page
                pages.bare(ctx, 404, "not_found.jte", new NotFoundView(ctx.path()));
            }
        });
        routes.error(405, ctx -> Json.error(ctx, 405, "method not allowed"));
        new StaticResources().register(routes);
        events.register(routes);
        new ApiDocs().register(routes);
        // identifies this web server instance, so the reconnect page can tell the restarted server from the old one
        String instance = WebSessions.newId().substring(0, 12);
        new HealthController(services.databaseHealthy(), services.device(), services.metrics(), webAuth, instance)
                .register(routes);
        new InitController(services.accounts(), pages, new PendingInits(services.clock())).register(routes);
        new LoginController(services.auth(), webAuth, pages, services.bus()).register(routes);
        registerAccountAndRecords(routes);
        registerInstallation(routes, services.installation(), instance);
        registerAccessApis(routes, services.installation(), services.access());
        registerAccessPages(routes, services.installation(), services.access());
        new org.openvto.web.internal.snapshot.SnapshotApi(services.camera()).register(routes);
    }

    /** Local Setting › Access Control, Household Setting › People, Door Station › Alarms and the record searches. */
    private void registerAccessPages(RoutesConfig routes, Installation in, org.openvto.web.AccessServices a) {
        new AccessControlPage(pages, in.access(), a.people(), a.digests()).register(routes);
        new PeoplePage(pages, a.people(), () -> in.facade().rooms(), services.zone()).register(routes);
        new AlarmsPage(pages, a.alarms(), a.outbox(), services.zone()).register(routes);
        new RecordsPage(pages, recordKinds(a), services.zone(), services.clock()).register(routes);
    }

    private static java.util.List<RecordKind<?>> recordKinds(org.openvto.web.AccessServices a) {
        return java.util.List.of(
                RecordKind.unlocks(a.unlocks()), RecordKind.alarms(a.alarms().store()), RecordKind.calls(a.calls()));
    }

    /** Access control, people, alarms and records (REST). */
    private void registerAccessApis(RoutesConfig routes, Installation in, org.openvto.web.AccessServices a) {
        new AccessControlApi(in.access(), a.access(), a.people(), a.digests()).register(routes);
        new PeopleApi(a.people()).register(routes);
        new AlarmsApi(a.alarms()).register(routes);
        new RecordsApi(recordKinds(a), services.zone(), services.clock()).register(routes);
        new org.openvto.web.internal.records.CallSnapshotApi(a.snapshots()).register(routes);
    }

    private void registerAccountAndRecords(RoutesConfig routes) {
        new PasswordPage(pages, services.accounts(), services.security()).register(routes);
        new PasswordApi(services.accounts()).register(routes);
        new SecurityLogPage(pages, services.securityLog(), services.zone(), services.clock()).register(routes);
        new SecurityLogApi(services.securityLog(), services.zone()).register(routes);
    }

    /** The installer's areas, Quick Start Guide 4.2.2–4.2.6 and Local Setting › System. */
    private void registerInstallation(RoutesConfig routes, Installation in, String instance) {
        Registrations registrations = new Registrations(services.registrations());
        new HomePage(pages, in.checklist()).register(routes);
        new DevicePage(pages, in.device(), in.sipServer()).register(routes);
        new DeviceApi(services.device(), in.device(), in.sipServer(), webAuth).register(routes);
        new NetworkPage(pages, in.network(), services.hostAddresses()).register(routes);
        new NetworkApi(in.network(), services.hostAddresses()).register(routes);
        var own = services.registrations();
        new SipServerPage(
                        pages,
                        in.sipServer(),
                        own::own,
                        () -> in.device().current().vtoNumber())
                .register(routes);
        new SipServerApi(in.sipServer(), own::own).register(routes);
        new VtoListPage(pages, in.vtos(), in.sipServer(), in.device(), registrations).register(routes);
        new VtoListApi(in.vtos(), registrations).register(routes);
        new RoomListPage(pages, in.rooms(), in.device(), registrations).register(routes);
        new RoomListApi(in.rooms(), in.device(), registrations).register(routes);
        new SystemPage(pages, in.backup(), in.reboot(), instance).register(routes);
        new SystemApi(in.backup(), in.reboot()).register(routes);
        new FacadePage(pages, in.facade(), in.rooms(), services.facade()).register(routes);
        new VideoPage(pages, in.video(), services.camera()).register(routes);
        new VideoApi(in.video(), services.camera()).register(routes);
        new FacadeApi(in.facade(), services.facade()).register(routes);
        new VirtualFacadePage(pages, in.facade(), services.facade(), services.clock()).register(routes);
        new VirtualFacadeApi(services.facade()).register(routes);
    }
}

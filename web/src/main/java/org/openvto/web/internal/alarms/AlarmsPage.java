package org.openvto.web.internal.alarms;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openvto.alarm.Alarm;
import org.openvto.alarm.AlarmService;
import org.openvto.alarm.AlarmState;
import org.openvto.alarm.AlarmType;
import org.openvto.centre.Outbox;
import org.openvto.validation.Result;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.TimeQuery;
import org.openvto.web.internal.WebAuth;
import org.openvto.web.internal.view.Notice;

/**
 * Door Station › Alarms: the active alarms, newest first, each with an Acknowledge button. The list ({@code
 * /list}) is reloaded by the page's script on every {@code alarm/…} event of the event stream, so an alarm raised,
 * acknowledged or cleared anywhere appears, changes or disappears on every open page without a reload.
 */
public final class AlarmsPage {
    static final String PATH = "/console/alarms";
    private final Pages pages;
    private final AlarmService alarms;
    private final Outbox outbox;
    private final ZoneId zone;

    public AlarmsPage(Pages pages, AlarmService alarms, Outbox outbox, ZoneId zone) {
        this.pages = pages;
        this.alarms = alarms;
        this.outbox = outbox;
        this.zone = zone;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> pages.console(ctx, 200, "console/alarms.jte", "Alarms", view(Saved.notice(ctx))));
        routes.get(PATH + "/list", ctx -> pages.fragment(ctx, 200, "alarm_list.jte", view(Notice.NONE)));
        routes.post(PATH + "/{id}/acknowledge", this::acknowledge);
    }

    private void acknowledge(Context ctx) {
        String raw = ctx.pathParam("id");
        String user = ctx.attribute(WebAuth.USER);
        Result<Alarm> result = raw.matches("[0-9]{1,18}")
                ? alarms.acknowledge(Long.parseLong(raw), user == null ? "console" : user)
                : Result.rejected("id", "there is no alarm " + raw);
        switch (result) {
            case Result.Applied<Alarm> a -> ctx.redirect(PATH + "?saved=acknowledged");
            case Result.Rejected<Alarm> r ->
                pages.console(
                        ctx,
                        409,
                        "console/alarms.jte",
                        "Alarms",
                        view(new Notice(
                                "error",
                                "Not acknowledged: " + r.errors().getFirst().message() + ".")));
        }
    }

    private AlarmsView view(Notice notice) {
        List<AlarmsView.Row> rows = alarms.active().stream()
                .sorted(Comparator.comparing(Alarm::raisedAt)
                        .reversed()
                        .thenComparing(Comparator.comparingLong(Alarm::id).reversed()))
                .map(a -> new AlarmsView.Row(
                        a.id(),
                        a.type().token(),
                        a.type().title(),
                        a.detail(),
                        a.room(),
                        a.raisedAt().toString(),
                        TimeQuery.local(a.raisedAt(), zone),
                        a.state().token(),
                        a.deliveredAt().map(d -> TimeQuery.local(d, zone)).orElse(""),
                        a.acknowledgedBy(),
                        a.conditionEnded(),
                        a.state() == AlarmState.RAISED || a.state() == AlarmState.DELIVERED))
                .toList();
        List<String> topics = new ArrayList<>();
        for (AlarmType t : AlarmType.values()) {
            for (AlarmState s : AlarmState.values()) {
                topics.add("alarm/" + t.token() + "/" + s.token());
            }
        }
        List<String> destinations = outbox.destinationIds();
        String centre = destinations.isEmpty()
                ? "Management centre: no destination configured; alarms are kept here only."
                : "Management centre (" + String.join(", ", destinations) + "): " + outbox.pending() + " "
                        + (outbox.pending() == 1 ? "message" : "messages") + " waiting to be delivered.";
        return new AlarmsView(rows, String.join(" ", topics), centre, notice);
    }
}

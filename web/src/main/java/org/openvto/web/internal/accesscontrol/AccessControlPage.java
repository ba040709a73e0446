package org.openvto.web.internal.accesscontrol;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvto.access.AccessSettings;
import org.openvto.access.CredentialDigests;
import org.openvto.access.LockChoice;
import org.openvto.access.PeopleService;
import org.openvto.access.UnlockMethod;
import org.openvto.household.AccessControlService;
import org.openvto.household.Change;
import org.openvto.validation.FieldError;
import org.openvto.validation.Result;
import org.openvto.validation.Violations;
import org.openvto.web.internal.Form;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * Local Setting › Access Control: every parameter of {@link AccessSettings} in one form, and the public unlock
 * password in a form of its own. A rejected form answers 400 naming each field's rule and saves nothing.
 */
public final class AccessControlPage {
    static final String PATH = "/console/local/access-control";
    /** Each field's label, in the order of the form. */
    static final Map<String, String> LABELS = labels();

    private final Pages pages;
    private final AccessControlService settings;
    private final PublicPassword publicPassword;

    public AccessControlPage(
            Pages pages, AccessControlService settings, PeopleService people, CredentialDigests digests) {
        this.pages = pages;
        this.settings = settings;
        this.publicPassword = new PublicPassword(settings, digests, people);
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("unlockRespondingInterval", "Unlock Responding Interval");
        m.put("unlockPeriod", "Unlock Period");
        m.put("doorSensorEnabled", "Door Sensor Enable");
        m.put("doorContact", "Door Contact");
        m.put("doorSensorCheck", "Door Sensor Check Duration");
        m.put("exitButtonEnabled", "Exit Button Enable");
        for (UnlockMethod method : UnlockMethod.values()) {
            m.put("locks." + method.token(), "Lock opened by " + methodLabel(method));
        }
        m.put("firstUnlockCommand", "First Unlock Command");
        m.put("secondUnlockCommand", "Second Unlock Command");
        m.put("duressAlarm", "Duress Alarm");
        m.put("doorNotClosedAlarm", "Door Not Closed Alarm");
        m.put("forcedOpenAlarm", "Forced Open Alarm");
        m.put("alarmSound", "Alarm Sound Time");
        m.put("keypadLockAfter", "Keypad Lock After");
        m.put("keypadLockTime", "Keypad Lock Time");
        m.put("recordCap", "Records Kept");
        m.put("recordDays", "Record Days");
        m.put("password", "Public Unlock Password");
        return Map.copyOf(m);
    }

    static String methodLabel(UnlockMethod m) {
        return switch (m) {
            case CARD -> "card";
            case FINGERPRINT -> "fingerprint";
            case PASSWORD -> "password";
            case REMOTE -> "remote unlock";
            case DTMF -> "unlock command (DTMF)";
            case EXIT_BUTTON -> "exit button";
        };
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, 200, values(settings.current()), FormErrors.NONE, Saved.notice(ctx)));
        routes.post(PATH, this::save);
        routes.post(PATH + "/public-password", this::savePassword);
    }

    private void show(Context ctx, int status, Map<String, String> form, FormErrors errors, Notice notice) {
        pages.console(
                ctx,
                status,
                "console/access_control.jte",
                "Access Control",
                new AccessControlView(
                        form,
                        Arrays.asList(UnlockMethod.values()),
                        Arrays.asList(LockChoice.values()),
                        settings.publicPasswordDigest().isPresent(),
                        errors,
                        notice));
    }

    private void save(Context ctx) {
        Form f = new Form(ctx);
        Map<String, String> raw = new LinkedHashMap<>();
        LABELS.keySet().stream()
                .filter(k -> !k.equals("password"))
                .forEach(k -> raw.put(k, k.endsWith("Enabled") || k.endsWith("Alarm") ? flag(f, k) : f.str(k)));
        AccessSettings next = read(f);
        if (f.violations.isEmpty()) {
            Saved.outcome(ctx, settings.update(next), PATH, errs -> rejected(ctx, raw, errs.errors()));
            return;
        }
        // type errors, and the rules the fields that are numbers break, all at once
        List<FieldError> errors = new ArrayList<>(f.violations.list());
        Violations rules = new Violations();
        next.check(rules);
        rules.list().stream()
                .filter(e -> errors.stream().noneMatch(x -> x.field().equals(e.field())))
                .forEach(errors::add);
        rejected(ctx, raw, errors);
    }

    private void rejected(Context ctx, Map<String, String> raw, List<FieldError> errors) {
        show(ctx, 400, raw, FormErrors.labelled(errors, LABELS::get), Saved.NOTHING_SAVED);
    }

    private void savePassword(Context ctx) {
        Form f = new Form(ctx);
        boolean remove = f.checked("remove");
        String password = f.str("password");
        Result<Change> result = remove
                ? publicPassword.set("")
                : password.isEmpty()
                        ? Result.rejected("password", "is required (or use Remove)")
                        : publicPassword.set(password);
        switch (result) {
            case Result.Applied<Change> a ->
                ctx.redirect(PATH + "?saved=" + (remove ? "password-removed" : "password"));
            case Result.Rejected<Change> r ->
                show(
                        ctx,
                        400,
                        values(settings.current()),
                        FormErrors.labelled(r.errors(), LABELS::get),
                        new Notice("error", "The public unlock password was not changed."));
        }
    }

    private static String flag(Form f, String name) {
        return f.checked(name) ? "true" : "";
    }

    /** The form's settings; a value that is not a number is a violation of {@code f} (and -1 here). */
    private static AccessSettings read(Form f) {
        AccessSettings.DoorContact contact = AccessSettings.DoorContact.NC;
        switch (f.str("doorContact")) {
            case "NO" -> contact = AccessSettings.DoorContact.NO;
            case "NC" -> contact = AccessSettings.DoorContact.NC;
            default -> f.violations.add("doorContact", "must be NO (normally open) or NC (normally closed)");
        }
        Map<UnlockMethod, LockChoice> locks = new EnumMap<>(UnlockMethod.class);
        for (UnlockMethod m : UnlockMethod.values()) {
            String field = "locks." + m.token();
            LockChoice.parse(f.str(field))
                    .ifPresentOrElse(
                            c -> locks.put(m, c), () -> f.violations.add(field, "must be lock-1, lock-2 or both"));
        }
        return new AccessSettings(
                seconds(f, "unlockRespondingInterval"),
                seconds(f, "unlockPeriod"),
                f.checked("doorSensorEnabled"),
                contact,
                seconds(f, "doorSensorCheck"),
                f.checked("exitButtonEnabled"),
                locks,
                f.str("firstUnlockCommand"),
                f.str("secondUnlockCommand"),
                f.checked("duressAlarm"),
                f.checked("doorNotClosedAlarm"),
                f.checked("forcedOpenAlarm"),
                seconds(f, "alarmSound"),
                f.integer("keypadLockAfter", LABELS.get("keypadLockAfter")),
                Duration.ofMinutes(f.integer("keypadLockTime", LABELS.get("keypadLockTime"))),
                f.integer("recordCap", LABELS.get("recordCap")),
                f.integer("recordDays", LABELS.get("recordDays")));
    }

    private static Duration seconds(Form f, String field) {
        return Duration.ofSeconds(f.integer(field, LABELS.get(field)));
    }

    /** The settings as the form's values. */
    private static Map<String, String> values(AccessSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(
                "unlockRespondingInterval",
                String.valueOf(s.unlockRespondingInterval().toSeconds()));
        m.put("unlockPeriod", String.valueOf(s.unlockPeriod().toSeconds()));
        m.put("doorSensorEnabled", s.doorSensorEnabled() ? "true" : "");
        m.put("doorContact", s.doorContact().name());
        m.put("doorSensorCheck", String.valueOf(s.doorSensorCheck().toSeconds()));
        m.put("exitButtonEnabled", s.exitButtonEnabled() ? "true" : "");
        s.locks().forEach((method, choice) -> m.put("locks." + method.token(), choice.token()));
        m.put("firstUnlockCommand", s.firstUnlockCommand());
        m.put("secondUnlockCommand", s.secondUnlockCommand());
        m.put("duressAlarm", s.duressAlarm() ? "true" : "");
        m.put("doorNotClosedAlarm", s.doorNotClosedAlarm() ? "true" : "");
        m.put("forcedOpenAlarm", s.forcedOpenAlarm() ? "true" : "");
        m.put("alarmSound", String.valueOf(s.alarmSound().toSeconds()));
        m.put("keypadLockAfter", String.valueOf(s.keypadLockAfter()));
        m.put("keypadLockTime", String.valueOf(s.keypadLockTime().toMinutes()));
        m.put("recordCap", String.valueOf(s.recordCap()));
        m.put("recordDays", String.valueOf(s.recordDays()));
        return m;
    }
}

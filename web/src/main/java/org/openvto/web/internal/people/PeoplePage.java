package org.openvto.web.internal.people;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openvto.access.Card;
import org.openvto.access.Fingerprint;
import org.openvto.access.PeopleService;
import org.openvto.access.Person;
import org.openvto.access.PersonForm;
import org.openvto.validation.FieldError;
import org.openvto.validation.Result;
import org.openvto.web.internal.Form;
import org.openvto.web.internal.Pages;
import org.openvto.web.internal.Paging;
import org.openvto.web.internal.Saved;
import org.openvto.web.internal.TimeQuery;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * Household Setting › People: the searchable, paged list (cards as their last 4 digits with their status, PIN set
 * or not, fingerprints), add, modify and delete, Report loss per card, fingerprint enrolment from the module
 * (the panel follows {@code config/people/changed} and polls while it waits) and the CSV import, all or nothing.
 * A rejected form answers 400 naming each rule and changes nothing.
 */
public final class PeoplePage {
    static final String PATH = "/console/household/people";
    static final int PER_PAGE = 20;
    /** Card rows of the form: a person's limit. */
    static final int CARD_ROWS = Card.MAX_PER_PERSON;

    private static final Pattern CARD_FIELD = Pattern.compile("cards\\[([0-9]+)](.*)");
    private static final int MAX_CSV = 8 * 1024 * 1024;

    private final Pages pages;
    private final PeopleService people;
    private final Supplier<Set<String>> rooms;
    private final ZoneId zone;

    public PeoplePage(Pages pages, PeopleService people, Supplier<Set<String>> rooms, ZoneId zone) {
        this.pages = pages;
        this.people = people;
        this.rooms = rooms;
        this.zone = zone;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> show(ctx, 200, blank(), FormErrors.NONE, Saved.notice(ctx)));
        routes.post(PATH, this::add);
        routes.post(PATH + "/import", this::importCsv);
        routes.get(
                PATH + "/{id}",
                ctx -> person(ctx)
                        .ifPresentOrElse(
                                p -> show(ctx, 200, fields(p), FormErrors.NONE, Saved.notice(ctx)),
                                () -> ctx.redirect(PATH)));
        routes.post(PATH + "/{id}", this::update);
        routes.post(PATH + "/{id}/delete", ctx -> {
            boolean deleted = person(ctx).map(p -> people.delete(p.id())).orElse(false);
            ctx.redirect(deleted ? PATH + "?saved=deleted" : PATH);
        });
        routes.post(PATH + "/{id}/cards/{index}/lost", this::reportLoss);
        routes.get(
                PATH + "/{id}/fingerprints",
                ctx -> person(ctx)
                        .ifPresentOrElse(
                                p -> pages.fragment(ctx, 200, "fingerprints.jte", fingerprints(p)),
                                () -> ctx.status(404)));
        routes.post(PATH + "/{id}/fingerprints", this::enrol);
        routes.post(PATH + "/{id}/fingerprints/{fid}/delete", ctx -> {
            Optional<Person> p = person(ctx);
            String fid = ctx.pathParam("fid");
            if (p.isPresent() && fid.matches("[0-9]{1,18}")) {
                people.removeFingerprint(p.get().id(), Long.parseLong(fid));
            }
            ctx.redirect(p.map(x -> PATH + "/" + x.id() + "#fingerprints").orElse(PATH));
        });
    }

    private void show(Context ctx, int status, PeopleView.PersonFields form, FormErrors errors, Notice notice) {
        render(ctx, status, form, errors, notice, "", List.of());
    }

    private void render(
            Context ctx,
            int status,
            PeopleView.PersonFields form,
            FormErrors errors,
            Notice notice,
            String importCsv,
            List<String> importErrors) {
        String search = Optional.ofNullable(ctx.queryParam("search")).orElse("").strip();
        if (search.length() > 64) {
            search = search.substring(0, 64);
        }
        Paging paging = Paging.of(people.count(search), PER_PAGE, ctx.queryParam("page"));
        List<PeopleView.Row> rows = people.page(search, paging.offset(), PER_PAGE).stream()
                .map(PeoplePage::row)
                .toList();
        Set<String> roomList = new TreeSet<>(rooms.get());
        if (!form.room().isEmpty()) {
            roomList.add(form.room());
        }
        PeopleView.Fingerprints prints = form.id() == 0
                ? null
                : people.get(form.id()).map(this::fingerprints).orElse(null);
        pages.console(
                ctx,
                status,
                "console/household/people.jte",
                "People",
                new PeopleView(
                        rows,
                        paging,
                        search,
                        form,
                        List.copyOf(roomList),
                        errors,
                        notice,
                        prints,
                        importCsv,
                        importErrors));
    }

    private void add(Context ctx) {
        Form f = new Form(ctx);
        Submitted s = submitted(f, 0);
        answer(ctx, people.add(s.form()), s);
    }

    private void update(Context ctx) {
        Optional<Person> p = person(ctx);
        if (p.isEmpty()) {
            ctx.redirect(PATH);
            return;
        }
        Submitted s = submitted(new Form(ctx), p.get().id());
        answer(ctx, people.update(p.get().id(), s.form()), s);
    }

    private void answer(Context ctx, Result<Person> result, Submitted s) {
        switch (result) {
            case Result.Applied<Person> a -> ctx.redirect(PATH + "/" + a.value().id() + "?saved=1");
            case Result.Rejected<Person> r -> {
                List<FieldError> errors = r.errors().stream()
                        .map(e -> new FieldError(formField(e.field(), s.rows()), e.message()))
                        .toList();
                show(ctx, 400, s.shown(), FormErrors.labelled(errors, PeoplePage::label), Saved.NOTHING_SAVED);
            }
        }
    }

    private void reportLoss(Context ctx) {
        Optional<Person> p = person(ctx);
        String index = ctx.pathParam("index");
        if (p.isEmpty()
                || !index.matches("[0-9]")
                || Integer.parseInt(index) >= p.get().cards().size()) {
            ctx.redirect(PATH);
            return;
        }
        String number = p.get().cards().get(Integer.parseInt(index)).number();
        switch (people.cardStatus(p.get().id(), number, Card.Status.LOST)) {
            case Result.Applied<Person> a -> ctx.redirect(PATH + "?saved=lost");
            case Result.Rejected<Person> r ->
                show(
                        ctx,
                        400,
                        blank(),
                        FormErrors.NONE,
                        new Notice("error", r.errors().getFirst().message()));
        }
    }

    private void enrol(Context ctx) {
        Optional<Person> p = person(ctx);
        if (p.isEmpty()) {
            ctx.redirect(PATH);
            return;
        }
        String label = new Form(ctx).str("label");
        switch (people.startEnrolment(p.get().id(), label)) {
            case Result.Applied<PeopleService.Enrolment> a ->
                ctx.redirect(PATH + "/" + p.get().id() + "#fingerprints");
            case Result.Rejected<PeopleService.Enrolment> r ->
                show(
                        ctx,
                        400,
                        fields(p.get()),
                        FormErrors.labelled(r.errors(), f -> f.equals("label") ? "Finger" : null),
                        new Notice("error", "The enrolment was not started."));
        }
    }

    private void importCsv(Context ctx) {
        String text = "";
        String typed = "";
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file != null && file.size() > 0) {
            try (var in = file.content()) {
                text = new String(in.readNBytes(MAX_CSV), StandardCharsets.UTF_8);
            } catch (IOException e) {
                text = "";
            }
        } else {
            typed = Optional.ofNullable(ctx.formParam("csv")).orElse("");
            text = typed;
        }
        if (text.isBlank()) {
            render(
                    ctx,
                    400,
                    blank(),
                    FormErrors.NONE,
                    new Notice("error", "Nothing was imported."),
                    typed,
                    List.of("Choose a CSV file or paste its lines: room,name,card,valid_from,valid_to"));
            return;
        }
        switch (people.importCsv(text)) {
            case Result.Applied<Integer> a -> ctx.redirect(PATH + "?saved=people-imported&n=" + a.value());
            case Result.Rejected<Integer> r ->
                render(
                        ctx,
                        400,
                        blank(),
                        FormErrors.NONE,
                        new Notice(
                                "error",
                                "Nothing was imported: " + r.errors().size() + " problem"
                                        + (r.errors().size() == 1 ? "" : "s") + " in the file."),
                        typed,
                        r.errors().stream().map(e -> csvText(e.message())).toList());
        }
    }

    /** An import error in the file's words: {@code line 4: card must be …} for {@code line 4: cards[0].number …}. */
    static String csvText(String message) {
        return message.replaceFirst("^(line [0-9]+: )room (room )", "$1$2")
                .replaceFirst("cards\\[[0-9]+]\\.number ", "card ")
                .replaceFirst("cards\\[[0-9]+]\\.validFrom ", "valid_from ")
                .replaceFirst("cards\\[[0-9]+]\\.validTo ", "valid_to ");
    }

    /** A submitted form: the domain's form, the form shown again if rejected, and the row of each card given. */
    private record Submitted(PersonForm form, PeopleView.PersonFields shown, List<Integer> rows) {}

    private Submitted submitted(Form f, long id) {
        List<PersonForm.CardForm> cards = new ArrayList<>();
        List<PeopleView.CardFields> shownCards = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < CARD_ROWS; i++) {
            String p = "cards[" + i + "].";
            PeopleView.CardFields c = new PeopleView.CardFields(
                    f.str(p + "number"),
                    f.str(p + "kind"),
                    f.str(p + "validFrom"),
                    f.str(p + "validTo"),
                    f.str(p + "status"));
            shownCards.add(c);
            // a row without a number is no card (an empty row of the form, or a card removed)
            if (!c.number().isEmpty()) {
                cards.add(new PersonForm.CardForm(c.number(), c.kind(), c.validFrom(), c.validTo(), c.status()));
                rows.add(i);
            }
        }
        Optional<Person> old = id == 0 ? Optional.empty() : people.get(id);
        PersonForm form = new PersonForm(
                f.str("room"),
                f.str("name"),
                f.str("schedule"),
                pin(f, "pin", "removePin"),
                pin(f, "duressPin", "removeDuressPin"),
                cards);
        PeopleView.PersonFields shown = new PeopleView.PersonFields(
                id,
                f.str("room"),
                f.str("name"),
                f.str("schedule"),
                old.map(Person::hasPin).orElse(false),
                old.map(Person::hasDuressPin).orElse(false),
                shownCards);
        return new Submitted(form, shown, rows);
    }

    /** Empty keeps the PIN (none for a new person); the remove box removes it. */
    private static String pin(Form f, String field, String remove) {
        if (f.checked(remove)) {
            return "";
        }
        String pin = f.raw(field);
        return pin.isEmpty() ? null : pin;
    }

    /** The form field of a domain error: {@code cards[1]…} is the second card given, which may be another row. */
    private static String formField(String field, List<Integer> rows) {
        Matcher m = CARD_FIELD.matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            return "cards[" + (i < rows.size() ? rows.get(i) : i) + "]" + m.group(2);
        }
        return field;
    }

    static String label(String field) {
        Matcher m = CARD_FIELD.matcher(field);
        if (m.matches()) {
            String card = "Card " + (Integer.parseInt(m.group(1)) + 1);
            return switch (m.group(2)) {
                case ".number" -> card + " number";
                case ".kind" -> card + " kind";
                case ".validFrom" -> card + " valid from";
                case ".validTo" -> card + " valid to";
                case ".status" -> card + " status";
                default -> card;
            };
        }
        return switch (field) {
            case "room" -> "Room";
            case "name" -> "Name";
            case "schedule" -> "Schedule";
            case "pin" -> "PIN";
            case "duressPin" -> "Duress PIN";
            case "cards" -> "Cards:";
            default -> null;
        };
    }

    private Optional<Person> person(Context ctx) {
        String raw = ctx.pathParam("id");
        return raw.matches("[0-9]{1,18}") ? people.get(Long.parseLong(raw)) : Optional.empty();
    }

    private PeopleView.Fingerprints fingerprints(Person p) {
        Optional<PeopleService.Enrolment> e = people.enrolment().filter(x -> x.personId() == p.id());
        return new PeopleView.Fingerprints(
                p.id(),
                p.fingerprints().stream()
                        .map((Fingerprint f) ->
                                new PeopleView.Print(f.id(), f.label(), TimeQuery.local(f.enrolledAt(), zone)))
                        .toList(),
                e.map(PeopleService.Enrolment::label).orElse(""),
                e.map(x -> TimeQuery.local(x.until(), zone)).orElse(""));
    }

    private static PeopleView.Row row(Person p) {
        List<PeopleView.CardRef> cards = new ArrayList<>();
        for (int i = 0; i < p.cards().size(); i++) {
            Card c = p.cards().get(i);
            cards.add(new PeopleView.CardRef(i, c.reference(), c.status().token()));
        }
        return new PeopleView.Row(
                p.id(),
                p.room(),
                p.name(),
                cards,
                p.hasPin(),
                p.hasDuressPin(),
                p.fingerprints().size());
    }

    private static PeopleView.PersonFields fields(Person p) {
        List<PeopleView.CardFields> cards = new ArrayList<>();
        for (Card c : p.cards()) {
            cards.add(new PeopleView.CardFields(
                    c.number(),
                    c.kind().token(),
                    c.validFrom().map(Object::toString).orElse(""),
                    c.validTo().map(Object::toString).orElse(""),
                    c.status().token()));
        }
        while (cards.size() < CARD_ROWS) {
            cards.add(PeopleView.CardFields.BLANK);
        }
        return new PeopleView.PersonFields(
                p.id(), p.room(), p.name(), scheduleText(p), p.hasPin(), p.hasDuressPin(), cards);
    }

    private static String scheduleText(Person p) {
        return p.schedule().always() ? "" : p.schedule().toString();
    }

    private static PeopleView.PersonFields blank() {
        List<PeopleView.CardFields> cards = new ArrayList<>();
        for (int i = 0; i < CARD_ROWS; i++) {
            cards.add(PeopleView.CardFields.BLANK);
        }
        return new PeopleView.PersonFields(0, "", "", "", false, false, cards);
    }
}

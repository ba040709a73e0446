package org.openvto.web.internal.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.openvto.access.Card;
import org.openvto.access.Fingerprint;
import org.openvto.access.Person;
import org.openvto.access.PersonForm;
import org.openvto.backup.ConfigurationFile.Reader;
import org.openvto.web.internal.Json;

/** The JSON form of a person; PINs are write-only ({@code hasPin} tells whether one is set). */
public final class PeopleJson {
    private PeopleJson() {}

    public static ObjectNode json(Person p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", p.id());
        o.put("room", p.room());
        o.put("name", p.name());
        o.put("schedule", p.schedule().toString());
        o.put("hasPin", p.hasPin());
        o.put("hasDuressPin", p.hasDuressPin());
        ArrayNode cards = o.putArray("cards");
        for (Card c : p.cards()) {
            ObjectNode j = cards.addObject();
            j.put("number", c.number());
            j.put("kind", c.kind().token());
            j.put("validFrom", c.validFrom().map(Object::toString).orElse(""));
            j.put("validTo", c.validTo().map(Object::toString).orElse(""));
            j.put("status", c.status().token());
        }
        ArrayNode prints = o.putArray("fingerprints");
        for (Fingerprint f : p.fingerprints()) {
            ObjectNode j = prints.addObject();
            j.put("id", f.id());
            j.put("label", f.label());
            j.put("enrolledAt", f.enrolledAt().toString());
        }
        return o;
    }

    /** Reads a form; a PIN field left out keeps the PIN, {@code ""} removes it. */
    public static PersonForm form(JsonNode n, Reader r) {
        List<PersonForm.CardForm> cards = new ArrayList<>();
        JsonNode list = n.get("cards");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                r.error("cards", "must be a list");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    Reader c = r.nested("cards[" + i + "].");
                    JsonNode j = list.get(i);
                    cards.add(new PersonForm.CardForm(
                            c.str(j, "number", ""),
                            c.str(j, "kind", ""),
                            c.str(j, "validFrom", ""),
                            c.str(j, "validTo", ""),
                            c.str(j, "status", "")));
                }
            }
        }
        return new PersonForm(
                r.str(n, "room", ""),
                r.str(n, "name", ""),
                r.str(n, "schedule", ""),
                r.str(n, "pin", null),
                r.str(n, "duressPin", null),
                cards);
    }
}

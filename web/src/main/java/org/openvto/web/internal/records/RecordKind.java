package org.openvto.web.internal.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openvto.access.Refusal;
import org.openvto.access.UnlockMethod;
import org.openvto.alarm.Alarm;
import org.openvto.alarm.AlarmState;
import org.openvto.alarm.AlarmType;
import org.openvto.records.CallRecord;
import org.openvto.records.RecordStore;
import org.openvto.records.UnlockRecord;
import org.openvto.web.internal.AlarmJson;
import org.openvto.web.internal.Json;
import org.openvto.web.internal.TimeQuery;

/**
 * One kind of record as the search pages, the API and the CSV export show it: its store, the types and results a
 * filter may name, its JSON and its CSV columns.
 *
 * @param name    {@code unlocks}, {@code alarms}, {@code calls}: the path segment
 * @param types   what {@code type} may be (unlock methods, alarm types, call directions)
 * @param results what {@code result} may be
 */
public record RecordKind<R>(
        String name,
        String title,
        RecordStore<R> store,
        List<String> types,
        List<String> results,
        List<String> header,
        Function<R, ObjectNode> json,
        CsvRow<R> csv) {
    /** The CSV fields of one record, times in the VTO's zone. */
    public interface CsvRow<R> {
        List<String> fields(R record, ZoneId zone);
    }

    private static String time(Instant at, ZoneId zone) {
        return TimeQuery.local(at, zone);
    }

    private static String time(Optional<Instant> at, ZoneId zone) {
        return at.map(a -> time(a, zone)).orElse("");
    }

    public static RecordKind<UnlockRecord> unlocks(RecordStore<UnlockRecord> store) {
        return new RecordKind<>(
                "unlocks",
                "Unlock Records",
                store,
                Arrays.stream(UnlockMethod.values()).map(UnlockMethod::token).toList(),
                List.of("granted", "refused"),
                List.of("record", "time", "method", "room", "person", "credential", "lock", "result", "reason"),
                r -> {
                    ObjectNode o = Json.MAPPER.createObjectNode();
                    o.put("id", r.id());
                    o.put("at", r.at().toString());
                    o.put("method", r.method().token());
                    o.put("room", r.room());
                    o.put("person", r.person());
                    o.put("credential", r.credential());
                    o.put("lock", r.lock());
                    o.put("result", r.result());
                    o.put("reason", r.refusal() == null ? "" : r.refusal().token());
                    o.put("duress", r.duress());
                    return o;
                },
                (r, zone) -> List.of(
                        String.valueOf(r.id()),
                        time(r.at(), zone),
                        r.method().token(),
                        r.room(),
                        r.person(),
                        r.credential(),
                        r.lock() == 0 ? "" : r.lock() == 3 ? "both" : String.valueOf(r.lock()),
                        r.result(),
                        Optional.ofNullable(r.refusal()).map(Refusal::text).orElse("")));
    }

    public static RecordKind<Alarm> alarms(RecordStore<Alarm> store) {
        return new RecordKind<>(
                "alarms",
                "Alarm Records",
                store,
                Arrays.stream(AlarmType.values()).map(AlarmType::token).toList(),
                Arrays.stream(AlarmState.values()).map(AlarmState::token).toList(),
                List.of(
                        "record",
                        "raised",
                        "type",
                        "room",
                        "detail",
                        "state",
                        "delivered",
                        "acknowledged",
                        "acknowledged by",
                        "cleared"),
                AlarmJson::json,
                (a, zone) -> List.of(
                        String.valueOf(a.id()),
                        time(a.raisedAt(), zone),
                        a.type().token(),
                        a.room(),
                        a.detail(),
                        a.state().token(),
                        time(a.deliveredAt(), zone),
                        time(a.acknowledgedAt(), zone),
                        a.acknowledgedBy(),
                        time(a.clearedAt(), zone)));
    }

    public static RecordKind<CallRecord> calls(RecordStore<CallRecord> store) {
        return new RecordKind<>(
                "calls",
                "Call Records",
                store,
                Arrays.stream(CallRecord.Direction.values())
                        .map(CallRecord.Direction::token)
                        .toList(),
                Arrays.stream(CallRecord.Outcome.values())
                        .map(CallRecord.Outcome::token)
                        .toList(),
                List.of(
                        "record",
                        "start",
                        "end",
                        "direction",
                        "peer",
                        "room",
                        "outcome",
                        "answered by",
                        "seconds",
                        "talk seconds",
                        "emergency",
                        "reason",
                        "snapshot"),
                c -> {
                    ObjectNode o = Json.MAPPER.createObjectNode();
                    o.put("id", c.id());
                    o.put("callId", c.callId());
                    o.put("at", c.at().toString());
                    o.put("ended", c.ended().toString());
                    o.put("direction", c.direction().token());
                    o.put("peer", c.peer());
                    o.put("room", c.room());
                    o.put("outcome", c.outcome().token());
                    o.put("answeredBy", c.answeredBy());
                    o.put("seconds", c.duration().toSeconds());
                    o.put("talkSeconds", c.talk().toSeconds());
                    o.put("emergency", c.emergency());
                    o.put("reason", c.reason());
                    if (c.snapshot()) {
                        o.put("snapshot", snapshotPath(c));
                    } else {
                        o.putNull("snapshot");
                    }
                    return o;
                },
                (c, zone) -> List.of(
                        String.valueOf(c.id()),
                        time(c.at(), zone),
                        time(c.ended(), zone),
                        c.direction().token(),
                        c.peer(),
                        c.room(),
                        c.outcome().token(),
                        c.answeredBy(),
                        String.valueOf(c.duration().toSeconds()),
                        String.valueOf(c.talk().toSeconds()),
                        String.valueOf(c.emergency()),
                        c.reason(),
                        c.snapshot() ? snapshotPath(c) : ""));
    }

    /** Where the JPEG taken when call {@code c} rang is served ({@link CallSnapshotApi}). */
    public static String snapshotPath(CallRecord c) {
        return "/api/v1/records/calls/" + c.id() + "/snapshot.jpg";
    }
}

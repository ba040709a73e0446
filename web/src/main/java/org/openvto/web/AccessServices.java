package org.openvto.web;

import org.openvto.access.AccessControl;
import org.openvto.access.CredentialDigests;
import org.openvto.access.PeopleService;
import org.openvto.alarm.AlarmService;
import org.openvto.centre.Outbox;
import org.openvto.records.CallRecord;
import org.openvto.records.CallSnapshots;
import org.openvto.records.RecordStore;
import org.openvto.records.UnlockRecord;

/**
 * Access control, alarms and records, as the web layer uses them (handed over by the composition root).
 *
 * @param digests for the public unlock password the Access Control page sets
 * @param outbox  the messages to the management centre, whose pending count the Alarms page shows
 * @param snapshots the JPEG kept with a call record, served from the Call Records
 */
public record AccessServices(
        PeopleService people,
        AccessControl access,
        AlarmService alarms,
        RecordStore<UnlockRecord> unlocks,
        RecordStore<CallRecord> calls,
        CredentialDigests digests,
        Outbox outbox,
        CallSnapshots snapshots) {}

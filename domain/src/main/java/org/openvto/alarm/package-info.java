/**
 * Alarms (Quick Start Guide 1.2 "tamper alarm, door sensor alarm and duress password unlock alarm; alarm
 * information can be sent to the Management Center"; 2.1 and 3.2: a forced removal sounds the alarm for 15 s):
 * each {@link org.openvto.alarm.Alarm} is a small state machine (raised → delivered → acknowledged → cleared),
 * stored as the alarm record, announced as {@link org.openvto.alarm.AlarmChanged} on the bus and handed to the
 * centre's outbox ({@code org.openvto.centre}) in the same transaction. Domain layer.
 */
package org.openvto.alarm;

/**
 * The VTO's records (Quick Start Guide 1.2 "Record search: call records, alarm records and unlock records can be
 * searched"): {@link org.openvto.records.UnlockRecord}s, {@link org.openvto.records.CallRecord}s and their
 * stores. Alarm records are the alarms themselves ({@code org.openvto.alarm}). A record is durable before the
 * action it records is reported done. Domain layer: depends only on the JDK and {@code common}.
 */
package org.openvto.records;

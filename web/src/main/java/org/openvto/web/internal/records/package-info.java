/**
 * Records (Quick Start Guide 1.2 "Record search: call records, alarm records and unlock records can be searched"):
 * {@code /api/v1/records/{unlocks|alarms|calls}} with filters (time range, type, room, result), newest first and
 * paged, and the CSV export of the filtered set streamed row by row ({@code …/export.csv}); the Log / Record
 * Search pages. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal}.
 */
package org.openvto.web.internal.records;

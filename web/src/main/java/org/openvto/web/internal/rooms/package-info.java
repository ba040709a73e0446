/**
 * Household Setting › Room No. Management (Quick Start Guide 4.2.6): the paged, searchable room list, Clear, Add in Batch (run in the background by {@code BatchJobs}, with a progress page) and {@code /api/v1/rooms}. Part of the console; depends only on the shared plumbing of {@code org.openvto.web.internal} (checked by
 * {@code ArchitectureTest}).
 */
package org.openvto.web.internal.rooms;

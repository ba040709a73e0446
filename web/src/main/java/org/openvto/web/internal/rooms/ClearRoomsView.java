package org.openvto.web.internal.rooms;

/** What the template {@code console/household/clear.jte} shows: the Clear confirmation of Room No. Management. */
public record ClearRoomsView(long total) {}

package org.openvto.web.internal.rooms;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openvto.household.RoomDevice;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** What the template {@code console/household/rooms.jte} shows: Household Setting › Room No. Management. */
public record RoomListView(
        List<RoomDevice> rooms,
        long total,
        int page,
        int pages,
        String search,
        RoomDevice form,
        String formRoomNo,
        boolean editing,
        Map<String, String> batchForm,
        FormErrors errors,
        Notice notice,
        String connectionProblem,
        String statusUnavailable,
        Function<String, String> status) {}

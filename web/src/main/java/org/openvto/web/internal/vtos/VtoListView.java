package org.openvto.web.internal.vtos;

import java.util.List;
import java.util.function.Function;
import org.openvto.household.VtoEntry;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/** What the template {@code console/household/vto.jte} shows: Household Setting › VTO No. Management. */
public record VtoListView(
        List<VtoEntry> vtos,
        VtoEntry form,
        boolean editing,
        boolean buildUnitAvailable,
        FormErrors errors,
        Notice notice,
        String warning,
        Function<String, String> status) {}

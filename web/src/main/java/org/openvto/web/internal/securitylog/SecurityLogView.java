package org.openvto.web.internal.securitylog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openvto.security.SecurityLogEntry;
import org.openvto.web.internal.view.FormErrors;

/** What the template {@code console/security_log.jte} shows: Records › Security Log. */
public record SecurityLogView(
        List<SecurityLogEntry> entries,
        int page,
        int pages,
        long total,
        Map<String, String> form,
        List<String> types,
        FormErrors errors,
        String zoneText,
        Function<Instant, String> time,
        String query) {}

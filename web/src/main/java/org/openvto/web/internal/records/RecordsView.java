package org.openvto.web.internal.records;

import java.util.List;
import java.util.Map;
import org.openvto.web.internal.Paging;
import org.openvto.web.internal.view.FormErrors;

/**
 * What the template {@code console/records.jte} shows: one page of Call, Alarm or Unlock Records.
 *
 * @param name   {@code unlocks}, {@code alarms}, {@code calls}: the path segment
 * @param header the columns, as in the CSV export
 * @param rows   the records of this page, newest first, as their CSV fields
 * @param query  the filter as a query string, for the pager and the export link
 */
public record RecordsView(
        String name,
        List<String> header,
        List<List<String>> rows,
        Paging paging,
        Map<String, String> form,
        List<String> types,
        List<String> results,
        String typeLabel,
        String resultLabel,
        FormErrors errors,
        String zoneText,
        String query) {
    public String path() {
        return "/console/records/" + name;
    }

    public String exportUrl() {
        return "/api/v1/records/" + name + "/export.csv?" + query;
    }
}

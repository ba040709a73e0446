package org.openvto.web.internal.accesscontrol;

import java.util.List;
import java.util.Map;
import org.openvto.access.LockChoice;
import org.openvto.access.UnlockMethod;
import org.openvto.web.internal.view.FormErrors;
import org.openvto.web.internal.view.Notice;

/**
 * What the template {@code console/access_control.jte} shows: Local Setting › Access Control.
 *
 * @param form the values shown, by field name ({@code locks.card}); a switch that is on is {@code "true"}
 */
public record AccessControlView(
        Map<String, String> form,
        List<UnlockMethod> methods,
        List<LockChoice> lockChoices,
        boolean publicPasswordSet,
        FormErrors errors,
        Notice notice) {
    public String value(String field) {
        return form.getOrDefault(field, "");
    }

    public boolean on(String field) {
        return "true".equals(form.get(field));
    }

    public String label(String field) {
        return AccessControlPage.LABELS.getOrDefault(field, field);
    }

    public String methodLabel(UnlockMethod m) {
        return AccessControlPage.methodLabel(m);
    }
}

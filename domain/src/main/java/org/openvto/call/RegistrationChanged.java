package org.openvto.call;

import org.openvto.event.Event;

/** The VTO's own registration changed; topic {@code sip/registration/<state>} ({@code registered}, {@code failed}…). */
public record RegistrationChanged(OwnRegistration registration) implements Event {
    @Override
    public String topic() {
        return "sip/registration/" + registration.state().token();
    }
}

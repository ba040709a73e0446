package org.openvto.household;

import org.openvto.security.SecurityEvent;

/** Local Setting › System › Reboot: every service restarts in-process; the request is in the security log. */
public final class RebootService {
    private final InstallationContext ctx;

    RebootService(InstallationContext ctx) {
        this.ctx = ctx;
    }

    /** Publishes the request and returns at once; the supervisors restart on their own threads. */
    public void request() {
        Actor actor = Actor.current();
        ctx.publish(new SecurityEvent.SystemRebooted(actor.username(), actor.source(), "reboot requested"));
        ctx.publish(new RebootRequested(actor));
    }
}

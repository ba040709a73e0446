package org.openvto.call.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openvto.access.Credential;
import org.openvto.call.CallSettings;
import org.openvto.call.CallSignalling;
import org.openvto.call.CallTargets;
import org.openvto.event.EventBus;
import org.openvto.facade.io.FacadeOutputs;
import org.openvto.records.CallRecord;
import org.openvto.records.CallSnapshots;
import org.openvto.records.RecordStore;

/**
 * What the call state machine drives and reads, as {@link org.openvto.call.Calls} hands them over.
 *
 * @param display  shows lines for a while, then the user directory comes back ({@code FacadeFeedback::message})
 * @param unlock   access control with a call's DTMF digits; blocking (writes the unlock record): run on a lane
 * @param camera   the JPEG of the visitor now; may block (encodes): run on a lane
 * @param io       where the lanes run their blocking work (records, unlocks, snapshots, events)
 * @param timers   puts an input on the calls thread later, or every period
 * @param ids      a new call id
 */
public record Ports(
        CallSignalling signalling,
        FacadeOutputs outputs,
        Consumer<List<String>> display,
        Supplier<CallSettings> settings,
        CallTargets targets,
        Consumer<Credential.Dtmf> unlock,
        RecordStore<CallRecord> records,
        CallSnapshots snapshots,
        Supplier<Optional<byte[]>> camera,
        EventBus bus,
        Clock clock,
        Executor io,
        Timers timers,
        Supplier<String> ids) {
    /** Schedules inputs for the machine; whatever it schedules arrives on the calls thread. */
    public interface Timers {
        ScheduledFuture<?> after(Duration delay, Input input);

        ScheduledFuture<?> every(Duration period, Input input);
    }
}

package org.openvto.testkit.netty;

import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netty's leak detector that also keeps what it reports, so a test can fail on a leak instead of a log line
 * nobody reads. Installed by the build for every module's tests with {@code
 * -Dio.netty.customResourceLeakDetector=org.openvto.testkit.netty.RecordingLeakDetector} (and
 * {@code io.netty.leakDetection.level=paranoid}: every buffer tracked); tests check with {@link NettyLeaks}.
 *
 * @param <T> the tracked resource type
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {
    static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    static final Set<RecordingLeakDetector<?>> ALL = ConcurrentHashMap.newKeySet();

    /** The constructor Netty's factory calls. */
    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
        ALL.add(this);
    }

    /** The constructor older factories call; {@code maxActive} is unused by Netty too. */
    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        this(resourceType, samplingInterval);
    }

    @Override
    protected boolean needReport() {
        return true; // even when no logger is bound (the default answer is "is error logging on?")
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LEAKS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected." + records);
        if (!resourceType.endsWith(NettyLeaks.SENTINEL)) {
            super.reportTracedLeak(resourceType, records);
        }
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LEAKS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected.");
        if (!resourceType.endsWith(NettyLeaks.SENTINEL)) {
            super.reportUntracedLeak(resourceType);
        }
    }

    /** Reports what the garbage collector found since the last call (Netty reports only when tracking more). */
    @SuppressWarnings("unchecked") // only its identity is tracked
    void poll() {
        T probe = (T) new Object();
        var tracker = track(probe);
        if (tracker != null) {
            tracker.close(probe);
        }
    }
}

package org.openvto.web.internal.rooms;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openvto.household.BatchSpec;
import org.openvto.household.RoomListService;
import org.openvto.validation.Result;

/**
 * Runs "Add in batch" in the background so the console can show its progress. The rooms are still
 * written in one transaction (all or nothing); progress counts rows written inside it. Finished jobs
 * are kept until 32 newer ones exist. Thread-safe.
 */
final class BatchJobs {
    static final class Job {
        final int total;
        final AtomicInteger done = new AtomicInteger();
        volatile String summary;

        Job(int total) {
            this.total = total;
        }

        boolean finished() {
            return summary != null;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final RoomListService rooms;

    BatchJobs(RoomListService rooms) {
        this.rooms = rooms;
    }

    /** Starts a checked batch of {@code total} rooms; returns the job id. */
    String start(BatchSpec spec, int total) {
        if (jobs.size() > 32) {
            jobs.entrySet().removeIf(e -> e.getValue().finished());
        }
        String id = org.openvto.web.WebSessions.newId().substring(0, 12);
        Job job = new Job(total);
        jobs.put(id, job);
        // the batch runs on its own thread: it carries the requesting user and address along for the security log
        org.openvto.household.Actor actor = org.openvto.household.Actor.current();
        Thread.ofVirtual().name("batch-" + id).start(() -> {
            try {
                job.summary =
                        switch (org.openvto.household.Actor.as(actor, () -> rooms.addBatch(spec, job.done::set))) {
                            case Result.Applied<RoomListService.BatchOutcome> ok ->
                                ok.value().created() + " rooms added"
                                        + (ok.value().alreadyExisted() > 0
                                                ? ", " + ok.value().alreadyExisted() + " already existed and were kept"
                                                : "")
                                        + ".";
                            case Result.Rejected<RoomListService.BatchOutcome> r ->
                                "Nothing was added: " + r.errors().get(0).message();
                        };
            } catch (RuntimeException e) {
                job.summary = "Nothing was added: " + e.getMessage();
            }
        });
        return id;
    }

    Optional<Job> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }
}

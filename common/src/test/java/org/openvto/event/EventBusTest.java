package org.openvto.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBusTest {
    record DoorOpened(int door) implements Event {
        @Override
        public String topic() {
            return "door/" + door + "/opened";
        }
    }

    @Test
    void deliversByTopicPrefixWithoutMatchingSiblingNumbers() throws Exception {
        var bus = new EventBus();
        List<String> seen = new ArrayList<>();
        bus.subscribe(DoorOpened.class, "door/1", e -> seen.add(e.topic()));
        bus.publish(new DoorOpened(1));
        bus.publish(new DoorOpened(10));
        assertThat(seen).containsExactly("door/1/opened");
    }

    @Test
    void failingSubscriberDoesNotStopOthersAndUnsubscribeWorks() throws Exception {
        var bus = new EventBus();
        List<Integer> seen = new ArrayList<>();
        bus.subscribe(DoorOpened.class, e -> {
            throw new IllegalStateException("boom");
        });
        AutoCloseable handle = bus.subscribe(Event.class, e -> seen.add(((DoorOpened) e).door()));
        bus.publish(new DoorOpened(2));
        handle.close();
        bus.publish(new DoorOpened(3));
        assertThat(seen).containsExactly(2);
    }

    @Test
    void aStuckAsyncSubscriberNeitherBlocksThePublisherNorOthersAndItsOverflowIsCounted() throws Exception {
        var bus = new EventBus();
        var started = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var delivered = new java.util.concurrent.CountDownLatch(1 + 4);
        List<Integer> slow = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> quick = new ArrayList<>();
        bus.subscribeAsync(DoorOpened.class, "door", 4, e -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            slow.add(e.door());
            delivered.countDown();
        });
        bus.subscribe(DoorOpened.class, e -> quick.add(e.door()));

        bus.publish(new DoorOpened(0));
        assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue(); // it holds event 0
        for (int door = 1; door <= 6; door++) {
            bus.publish(new DoorOpened(door)); // 1–4 fill its queue of 4; 5 and 6 are dropped for it
        }
        assertThat(quick).as("the publisher was not held up").containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(bus.dropped()).isEqualTo(2);

        release.countDown();
        assertThat(delivered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(slow).as("in publishing order, without the dropped ones").containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void aFailingAsyncSubscriberKeepsGettingLaterEvents() throws Exception {
        var bus = new EventBus();
        var later = new java.util.concurrent.CountDownLatch(1);
        bus.subscribeAsync(DoorOpened.class, "", 8, e -> {
            if (e.door() == 1) {
                throw new IllegalStateException("boom");
            }
            later.countDown();
        });
        bus.publish(new DoorOpened(1));
        bus.publish(new DoorOpened(2));
        assertThat(later.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(bus.dropped()).isZero();
    }

    @Test
    void anAsyncSubscriptionCountsItsOwnDropsOnly() throws Exception {
        var bus = new EventBus();
        var release = new java.util.concurrent.CountDownLatch(1);
        var started = new java.util.concurrent.CountDownLatch(1);
        EventBus.AsyncSubscription stuck = bus.subscribeAsync(DoorOpened.class, "", 1, e -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        EventBus.AsyncSubscription roomy = bus.subscribeAsync(DoorOpened.class, "", 100, e -> {});
        bus.publish(new DoorOpened(0));
        assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        bus.publish(new DoorOpened(1)); // queued
        bus.publish(new DoorOpened(2)); // dropped for the stuck one only
        assertThat(stuck.dropped()).isEqualTo(1);
        assertThat(roomy.dropped()).isZero();
        release.countDown();
        stuck.close();
        roomy.close();
    }

    @Test
    void closingAfterDeliveringDeliversWhatWasQueuedAndNothingPublishedLater() throws Exception {
        var bus = new EventBus();
        var release = new java.util.concurrent.CountDownLatch(1);
        List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        EventBus.AsyncSubscription subscription = bus.subscribeAsync(DoorOpened.class, "", 8, e -> {
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            seen.add(e.door());
        });
        for (int door = 1; door <= 3; door++) {
            bus.publish(new DoorOpened(door));
        }
        release.countDown();
        assertThat(subscription.closeAfterDelivering(java.time.Duration.ofSeconds(10)))
                .isTrue();
        bus.publish(new DoorOpened(4));
        assertThat(seen).containsExactly(1, 2, 3);
    }
}

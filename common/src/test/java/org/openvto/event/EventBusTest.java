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
}

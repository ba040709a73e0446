package org.openvto.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.openvto.testkit.netty.NettyLeaks;

/** The build installs the testkit's leak recorder at the paranoid level, and a leaked buffer fails a test. */
class NettyLeakRecorderTest {
    @Test
    void aLeakedBufferIsReportedAndFailsTheCheck() {
        NettyLeaks.assertNone(); // nothing left from earlier tests in this JVM
        leak();
        assertThatThrownBy(NettyLeaks::assertNone)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LEAK: ByteBuf.release() was not called")
                .hasMessageContaining("leak(");
        assertThat(NettyLeaks.collect()).as("forgotten once reported").isEmpty();
    }

    @Test
    void releasedBuffersAreNoLeak() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64).writeLong(1);
        buf.release();
        NettyLeaks.assertNone();
    }

    private static void leak() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buf.writeInt(42); // an access record, so the report shows where it was used
    }
}

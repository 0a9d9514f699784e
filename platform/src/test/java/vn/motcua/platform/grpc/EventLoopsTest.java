package vn.motcua.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLoopsTest {

    @Test
    void aNettyEventLoopThreadIsRecognisedAndRefusesBlockingWork() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            assertThat(loop.submit(EventLoops::onEventLoop).get(10, TimeUnit.SECONDS))
                    .isTrue();
            Throwable refused = loop.submit(() -> {
                        try {
                            EventLoops.requireBlockingAllowed("a JDBC call");
                            return null;
                        } catch (IllegalStateException e) {
                            return e;
                        }
                    })
                    .get(10, TimeUnit.SECONDS);
            assertThat(refused).isInstanceOf(IllegalStateException.class).hasMessageContaining("a JDBC call");
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOrdinaryThreadMayBlock() {
        assertThat(EventLoops.onEventLoop()).isFalse();
        EventLoops.requireBlockingAllowed("a JDBC call"); // does not throw
    }
}

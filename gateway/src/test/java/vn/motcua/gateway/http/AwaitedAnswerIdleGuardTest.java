package vn.motcua.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The all-idle event reaches Micronaut (which closes) except while a request read whole waits for its answer. */
class AwaitedAnswerIdleGuardTest {

    private final List<Object> passed = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(new AwaitedAnswerIdleGuard.Guard(), new Recorder());

    private final class Recorder extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            passed.add(evt);
        }
    }

    private boolean idleReachesMicronaut() {
        passed.clear();
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        return passed.contains(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    }

    private static DefaultFullHttpResponse response(HttpResponseStatus status) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
    }

    @Test
    void aConnectionWithNoRequestOrAHalfSentOneIsIdle() {
        assertThat(idleReachesMicronaut())
                .as("idle keep-alive before any request")
                .isTrue();
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/dossiers"));
        assertThat(idleReachesMicronaut())
                .as("head read, body not sent: slow loris")
                .isTrue();
    }

    @Test
    void aRequestReadWholeIsNotIdleUntilItsResponseStartsThenTheConnectionIsAgain() {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/c/1:check"));
        assertThat(idleReachesMicronaut()).as("the service is still working").isFalse();

        channel.writeOutbound(response(HttpResponseStatus.CONTINUE));
        assertThat(idleReachesMicronaut())
                .as("an interim 100 is not the answer")
                .isFalse();

        channel.writeOutbound(response(HttpResponseStatus.OK));
        assertThat(idleReachesMicronaut())
                .as("answered: an idle keep-alive again")
                .isTrue();
    }

    @Test
    void pipelinedRequestsAreAwaitedUntilTheLastIsAnswered() {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/a"));
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/b"));
        channel.writeOutbound(response(HttpResponseStatus.OK));
        assertThat(idleReachesMicronaut()).isFalse();
        channel.writeOutbound(response(HttpResponseStatus.OK));
        assertThat(idleReachesMicronaut()).isTrue();
    }
}

package vn.motcua.gateway.http;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import jakarta.inject.Singleton;

/**
 * {@code micronaut.server.idle-timeout} cuts a connection the client leaves idle, not one on which the gateway is
 * still working. Micronaut closes a connection on which nothing was read or written for the idle timeout even while
 * a request read whole waits for its answer, so a passing component check that stamps a large PDF for longer than the
 * timeout (allowed up to {@code motcua.gateway.documents.processing-timeout}) was cut: the client saw the connection
 * close and the downstream call was cancelled. This handler, after Netty's HTTP codec, drops the all-idle event while
 * a request has been read to its end and its response has not started; the gateway's downstream deadlines bound that
 * wait. A half-sent request (slow loris), an idle keep-alive connection and a response the client stops reading are
 * still closed at the idle timeout.
 */
@Singleton
public class AwaitedAnswerIdleGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String HANDLER = "motcua-awaited-answer-idle-guard";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null
                    && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, new Guard());
            }
        }
    }

    /** Counts requests read to their end and responses started (HTTP/1.1 answers in order); one event loop thread. */
    static final class Guard extends ChannelDuplexHandler {

        private long requestsRead;
        private long responsesStarted;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof LastHttpContent) {
                requestsRead++;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof HttpResponse response
                    && response.status().codeClass() != io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL) {
                responsesStarted++;
            }
            ctx.write(msg, promise);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent idle
                    && idle.state() == IdleState.ALL_IDLE
                    && requestsRead > responsesStarted) {
                return; // the client waits for an answer the gateway is still working on
            }
            super.userEventTriggered(ctx, evt);
        }
    }
}

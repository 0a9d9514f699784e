package vn.motcua.gateway.http;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

/**
 * Nothing after a chunked request is read on its connection. Netty reads a request with both Transfer-Encoding and
 * Content-Length by its chunks and drops the length, so the bytes the length covered beyond the chunks would be
 * decoded as a second request and run: request smuggling behind a proxy that trusted the length. This handler, right
 * after Netty's HTTP codec, discards whatever follows the end of a chunked request, and {@link MessageFramingFilter}
 * closes the connection after the answer (RFC 9112 section 6.3).
 */
@Singleton
public class ChunkedRequestGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String HANDLER = "motcua-chunked-request-guard";

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

    private static final class Guard extends ChannelInboundHandlerAdapter {

        private boolean chunked;
        private boolean discarding;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (discarding) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                chunked = true;
            }
            if (chunked && msg instanceof LastHttpContent) {
                discarding = true;
            }
            ctx.fireChannelRead(msg);
        }
    }
}

package dev.secretagent.agent.instrument.netty;

import dev.secretagent.runtime.door.netty.NettyWire;
import dev.secretagent.runtime.redact.Markers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code LoggingHandler#format(ChannelHandlerContext ctx, String eventName, Object arg)} (and the Reactor
 * Netty override): when {@code arg} is a {@code ByteBuf} or a {@code ByteBufHolder}, its readable bytes are copied
 * (indexes untouched), redacted with the channel's stream state, and {@code format} goes on with a heap buffer of
 * the redacted bytes (a holder through {@code replace}, so its own text stays). The message the handler forwards
 * is the caller's variable, not this argument: the network sees the original bytes. When nothing was masked
 * the argument is left as it was. On any failure the argument becomes a marker text, never the raw bytes.
 */
public final class FormatMessageAdvice {
    private FormatMessageAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.This Object handler,
                             @Advice.Argument(0) Object ctx,
                             @Advice.Argument(1) String eventName,
                             @Advice.Argument(value = 2, readOnly = false) Object arg) {
        if (arg instanceof ByteBuf || arg instanceof ByteBufHolder) {
            try {
                ByteBuf buf = arg instanceof ByteBuf ? (ByteBuf) arg : ((ByteBufHolder) arg).content();
                byte[] b = new byte[buf.readableBytes()];
                buf.getBytes(buf.readerIndex(), b);
                // one stream per channel, event and handler: two handlers on one channel each see every byte
                byte[] r = NettyWire.redact(((ChannelHandlerContext) ctx).channel(),
                        eventName + '@' + System.identityHashCode(handler), b, 0, b.length, "netty:wire");
                if (r != b) {
                    ByteBuf copy = Unpooled.wrappedBuffer(r);
                    arg = arg instanceof ByteBuf ? copy : ((ByteBufHolder) arg).replace(copy);
                }
            } catch (Throwable t) {
                arg = Markers.REDACTION_FAILED;
            }
        }
    }
}

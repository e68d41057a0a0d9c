package dev.secretagent.agent.instrument.netty;

import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;
import dev.secretagent.agent.instrument.TypeTransformer;

import java.util.Collections;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Netty's wire log, {@code io.netty.handler.logging.LoggingHandler}, and Reactor Netty's subclass
 * {@code reactor.netty.transport.logging.ReactorNettyLoggingHandler} ({@code HttpClient.wiretap(...)}, hex dump,
 * textual and simple). Both turn a {@code READ}/{@code WRITE} message into its log text in
 * {@code format(ChannelHandlerContext, String eventName, Object msg)}: a {@code ByteBuf} or a {@code ByteBufHolder}'s
 * content becomes 16-byte rows of hex and text ({@code HEX_DUMP}) or the decoded text ({@code TEXTUAL}). The hook
 * hands {@code format} a redacted copy of the bytes instead, so the hex is made from masked bytes; the message
 * itself, which the handler passes on to the network or the application after logging, is not touched.
 * State per channel and direction (and per handler instance, as two handlers may log one channel), so a header
 * value split across two reads is still seen whole ({@code runtime/door/netty/NettyWire}).
 *
 * <p>The subclass does not call {@code super.format}, so hooking both never redacts one message twice. Another
 * subclass that formats the bytes itself is not covered (see docs/http-clients.md).
 */
public final class NettyInstrumentation implements TargetInstrumentation {
    static final String LOGGING_HANDLER = "io.netty.handler.logging.LoggingHandler";
    static final String REACTOR_LOGGING_HANDLER = "reactor.netty.transport.logging.ReactorNettyLoggingHandler";

    @Override
    public String name() {
        return "netty";
    }

    @Override
    public SupportedVersions supportedVersions() {
        return SupportedVersions
                .oldest("io.netty:netty-handler:4.1.0.Final", "io.projectreactor.netty:reactor-netty-core:1.0.0")
                .newest("io.netty:netty-handler:4.2.17.Final", "io.projectreactor.netty:reactor-netty-core:1.3.7");
    }

    @Override
    public List<TypeInstrumentation> types() {
        return Collections.singletonList(new TypeInstrumentation(LOGGING_HANDLER, REACTOR_LOGGING_HANDLER) {
                                             @Override
                                             protected void transform(TypeTransformer t) {
                                                 t.advice(named("format").and(takesArguments(3)).and(takesArgument(1, String.class))
                                                         .and(takesArgument(2, Object.class)),
                                                         FormatMessageAdvice.class);
                                             }
                                         });
    }
}

package dev.secretagent.agent.instrument.okhttp;

import dev.secretagent.agent.instrument.TargetInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

/**
 * OkHttp 4.x and 5.x: {@code HttpLoggingInterceptor} and {@code LoggingEventListener} hand every line
 * they produce (request/response lines, one line per header, bodies, events with {@code Request.toString()})
 * to a {@code HttpLoggingInterceptor.Logger} kept in their {@code logger} field. When one is constructed,
 * that field is replaced by a redacting proxy of the same interface, so the line is redacted before the
 * application's logger sees it, whatever that logger does with it (the default one goes to
 * java.util.logging; a custom one may write a file no other hook sees). No configuration, no
 * {@code redactHeader} calls needed.
 */
public final class OkHttpInstrumentation implements TargetInstrumentation {
    @Override
    public String name() {
        return "okhttp";
    }

    @Override
    public String[] classNamePrefixes() {
        return new String[] {"okhttp3.logging.HttpLoggingInterceptor", "okhttp3.logging.LoggingEventListener"};
    }

    @Override
    public AgentBuilder apply(AgentBuilder builder) {
        return builder
                .type(namedOneOf("okhttp3.logging.HttpLoggingInterceptor", "okhttp3.logging.LoggingEventListener"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(ClassLoader.getSystemClassLoader())
                        .advice(isConstructor(), LoggerFieldAdvice.class.getName()));
    }
}

package dev.secretagent.agent.instrument.okhttp;

import dev.secretagent.agent.instrument.SupportedVersions;
import dev.secretagent.agent.instrument.TargetInstrumentation;
import dev.secretagent.agent.instrument.TypeInstrumentation;
import dev.secretagent.agent.instrument.TypeTransformer;

import java.util.Collections;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;

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
    public SupportedVersions supportedVersions() {
        // 3.x keeps the same logger field and would be matched: it is outside only because no test app runs it
        return SupportedVersions.oldest("com.squareup.okhttp3:logging-interceptor:4.0.0")
                .newest("com.squareup.okhttp3:logging-interceptor:5.5.1");
    }

    @Override
    public List<TypeInstrumentation> types() {
        return Collections.singletonList(
                new TypeInstrumentation("okhttp3.logging.HttpLoggingInterceptor", "okhttp3.logging.LoggingEventListener") {
                    @Override
                    protected void transform(TypeTransformer t) {
                        t.advice(isConstructor(), LoggerFieldAdvice.class);
                    }
                });
    }
}

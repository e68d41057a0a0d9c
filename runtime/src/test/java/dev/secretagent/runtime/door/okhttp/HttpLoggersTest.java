package dev.secretagent.runtime.door.okhttp;

import dev.secretagent.runtime.http.WireRedactorTest;
import dev.secretagent.runtime.secret.Secret;
import dev.secretagent.runtime.secret.SecretRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HttpLoggersTest {
    public interface Logger {
        void log(String message);
    }

    @AfterEach
    void reset() {
        SecretRegistry.reset();
    }

    @Test
    void wrappedLoggerSeesRedactedLines() {
        String known = WireRedactorTest.random("k-");
        SecretRegistry.put(new Secret("SERVICE_API_KEY", "1", known, "test"));
        List<String> lines = new ArrayList<String>();
        Logger original = lines::add;
        Logger wrapped = (Logger) HttpLoggers.wrap(original, Logger.class, "okhttp");
        wrapped.log("X-Api-Key: " + known);
        wrapped.log("--> GET http://localhost/");
        assertThat(lines).containsExactly("X-Api-Key: [REDACTED:SERVICE_API_KEY]", "--> GET http://localhost/");
        assertThat(HttpLoggers.wrap(wrapped, Logger.class, "okhttp")).isSameAs(wrapped);
        assertThat(wrapped.equals(wrapped)).isTrue();
    }

    @Test
    void somethingThatIsNotTheInterfaceIsLeftAlone() {
        Object o = new Object();
        assertThat(HttpLoggers.wrap(o, Logger.class, "okhttp")).isSameAs(o);
        assertThat(HttpLoggers.wrap(null, Logger.class, "okhttp")).isNull();
    }
}

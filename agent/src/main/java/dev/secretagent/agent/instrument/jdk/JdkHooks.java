package dev.secretagent.agent.instrument.jdk;

import java.util.Arrays;
import java.util.List;

/** The java.lang hooks that must be in place before main: secret reads and the console. */
final class JdkHooks {
    private static final String ACCESS = "dev/secretagent/runtime/access/SecretAccess";
    private static final String SECRET_PROPERTIES = "dev/secretagent/runtime/logging/SecretProperties";
    private static final String CONSOLE = "dev/secretagent/runtime/redact/ConsoleStreams";
    private static final String STRING = "Ljava/lang/String;";
    private static final String PRINT_STREAM = "Ljava/io/PrintStream;";
    private static final String MAP = "Ljava/util/Map;";
    private static final String PROPERTIES = "Ljava/util/Properties;";

    private JdkHooks() {
    }

    static final List<JdkHook> ALL = Arrays.asList(
            JdkHook.returnWithArgument("env", "java/lang/System", "getenv", "(" + STRING + ")" + STRING,
                    ACCESS, "onGetenv", "(" + STRING + STRING + ")" + STRING),
            JdkHook.returnWithArgument("env", "java/lang/System", "getProperty", "(" + STRING + ")" + STRING,
                    ACCESS, "onGetProperty", "(" + STRING + STRING + ")" + STRING),
            JdkHook.returnWithArgument("env", "java/lang/System", "getProperty", "(" + STRING + STRING + ")" + STRING,
                    ACCESS, "onGetProperty", "(" + STRING + STRING + ")" + STRING),
            JdkHook.returnOnly("env", "java/lang/System", "getenv", "()" + MAP,
                    ACCESS, "onGetenvMap", "(" + MAP + ")" + MAP),
            JdkHook.returnOnly("env", "java/lang/System", "getProperties", "()" + PROPERTIES,
                    ACCESS, "onGetProperties", "(" + PROPERTIES + ")" + PROPERTIES),
            // private start(Redirect[]): what start(), startPipeline and Runtime.exec all reach
            JdkHook.entryWithThis("process", "java/lang/ProcessBuilder", "start",
                    "([Ljava/lang/ProcessBuilder$Redirect;)Ljava/lang/Process;",
                    ACCESS, "onProcessStart", "(Ljava/lang/ProcessBuilder;)V"),
            // ProcessBuilder.environment(): the child's future environment, readable by the caller like getenv
            JdkHook.returnOnly("env", "java/lang/ProcessBuilder", "environment", "()" + MAP,
                    ACCESS, "onProcessEnvironment", "(" + MAP + ")" + MAP),
            // the fresh copy of the real environment each ProcessBuilder starts from: injected values in, revoked out
            JdkHook.returnOnly("env", "java/lang/ProcessEnvironment", "environment", "()" + MAP,
                    ACCESS, "onEnvironmentCopy", "(" + MAP + ")" + MAP),
            JdkHook.argument("stdio", "java/lang/System", "setOut", "(" + PRINT_STREAM + ")V",
                    CONSOLE, "wrap", "(" + PRINT_STREAM + STRING + ")" + PRINT_STREAM, "stdout"),
            JdkHook.argument("stdio", "java/lang/System", "setErr", "(" + PRINT_STREAM + ")V",
                    CONSOLE, "wrap", "(" + PRINT_STREAM + STRING + ")" + PRINT_STREAM, "stderr"),
            // a secret-looking property the application sets at run time is a known secret before setProperty returns
            JdkHook.returnWithArgument("sysprop", "java/lang/System", "setProperty", "(" + STRING + STRING + ")" + STRING,
                    SECRET_PROPERTIES, "afterSetProperty", "(" + STRING + STRING + ")" + STRING));
}

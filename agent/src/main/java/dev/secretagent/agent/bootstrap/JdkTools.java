package dev.secretagent.agent.bootstrap;

/**
 * Recognises the JDK's own tools (jcmd, jps, jstack, javac, jshell, keytool, jar, ...), which pick
 * up JAVA_TOOL_OPTIONS like any JVM. A fleet-wide agent must not add start-up time or output to
 * them, so it stays out unless {@code jdk.tools=true} is given.
 */
final class JdkTools {
    private static final String[] TOOL_PREFIXES = {
        "sun.tools.", "com.sun.tools.", "jdk.internal.", "jdk.jshell.", "sun.security.tools.",
        "jdk.jfr.internal.tool.", "sun.jvm.hotspot.", "jdk.jpackage.", "jdk.jlink.",
        // our own command line, when JAVA_TOOL_OPTIONS also loads the agent into it
        "dev.secretagent.agent.cli."
    };

    private JdkTools() {
    }

    static boolean isJdkTool(String command) {
        if (command == null || command.isEmpty()) {
            return false;
        }
        String main = command;
        int space = main.indexOf(' ');
        if (space > 0) {
            main = main.substring(0, space);
        }
        int slash = main.indexOf('/');
        if (slash > 0 && !main.endsWith(".jar")) {
            main = main.substring(slash + 1); // module/main.Class, as jps and jcmd are launched
        }
        for (int i = 0; i < TOOL_PREFIXES.length; i++) {
            if (main.startsWith(TOOL_PREFIXES[i])) {
                return true;
            }
        }
        // java -jar secret-agent.jar ...
        return main.endsWith("secret-agent.jar");
    }

    /**
     * Option {@code jdk.tools} read by hand, the one key spelled outside runtime/Keys: this runs before the runtime is
     * defined in the bootstrap loader, and touching Keys (or Option, which refers to it) here would load a second copy
     * of it in the application's loader.
     */
    static boolean optedIn(String args) {
        if (args != null && args.contains("jdk.tools=true")) {
            return true;
        }
        if ("true".equalsIgnoreCase(System.getProperty("secretagent.jdk.tools"))) {
            return true;
        }
        return "true".equalsIgnoreCase(System.getenv("SECRETAGENT_JDK_TOOLS"));
    }
}

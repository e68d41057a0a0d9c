package dev.secretagent.agent.instrument.jdk;

import java.util.Arrays;
import java.util.List;

/** The java.lang hooks that must be in place before main: secret reads and the console. */
final class JdkHooks {
    private static final String ACCESS = "dev/secretagent/runtime/access/SecretAccess";
    private static final String SECRET_PROPERTIES = "dev/secretagent/runtime/door/jdk/SecretProperties";
    private static final String CONSOLE = "dev/secretagent/runtime/door/jdk/ConsoleStreams";
    private static final String STRING = "Ljava/lang/String;";
    private static final String PRINT_STREAM = "Ljava/io/PrintStream;";
    private static final String MAP = "Ljava/util/Map;";
    private static final String PROPERTIES = "Ljava/util/Properties;";

    private JdkHooks() {
    }

    /**
     * The last-line net (target {@code filenet}): the JDK's last Java frames of file and console output. Each class
     * decides at open whether the stream is a log (or descriptor 1 or 2) and keeps the answer in its lock field
     * (see runtime's NetStream); each write asks that field first. JDK 17 and 25 both: a method a version lacks is
     * not matched, a native one (JDK 17's RandomAccessFile.writeBytes) has no code to hook.
     */
    static final List<JdkHook> NET = netHooks();

    private static List<JdkHook> netHooks() {
        String fos = "java/io/FileOutputStream";
        String raf = "java/io/RandomAccessFile";
        String fci = "sun/nio/ch/FileChannelImpl";
        String obj = "Ljava/lang/Object;";
        String bytes3 = "(" + obj + "[BII)Z";
        List<JdkHook> net = new java.util.ArrayList<>();
        for (String owner : new String[] {fos, raf}) {
            net.add(JdkHook.netOpen("filenet", owner, "closeLock"));
            net.add(JdkHook.netEntry("filenet", owner, "write", "(I)V", "write", "(" + obj + "I)Z", "closeLock", null));
            net.add(JdkHook.netEntry("filenet", owner, "write", "([B)V", "write", "(" + obj + "[B)Z", "closeLock", null));
            net.add(JdkHook.netEntry("filenet", owner, "write", "([BII)V", "write", bytes3, "closeLock", null));
            net.add(JdkHook.netEntry("filenet", owner, "close", "()V", "closing", "(" + obj + ")V", "closeLock", null));
        }
        // JDK 19+: RandomAccessFile.writeBytes(String)/writeChars reach this private (Java) method, not write(...)
        net.add(JdkHook.netEntry("filenet", raf, "writeBytes", "([BII)V", "write", bytes3, "closeLock", null));
        // JDK 17: writeBytes(String) goes to the native writeBytes directly
        net.add(JdkHook.netEntry("filenet", raf, "writeBytes", "(Ljava/lang/String;)V", "writeLatin1",
                "(" + obj + "Ljava/lang/String;)Z", "closeLock", null));
        net.add(JdkHook.netOpen("filenet", fci, "positionLock"));
        net.add(JdkHook.netEntry("filenet", fci, "write", "(Ljava/nio/ByteBuffer;)I", "write",
                "(" + obj + "Ljava/nio/ByteBuffer;)I", "positionLock", null));
        net.add(JdkHook.netEntry("filenet", fci, "implCloseChannel", "()V", "closing",
                "(" + obj + "Ljava/io/FileDescriptor;)V", "positionLock", "fd:Ljava/io/FileDescriptor;"));
        return java.util.Collections.unmodifiableList(net);
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

package dev.secretagent.runtime.leaks;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the application frame that made a log or print call: the first frame, from the top, that is
 * not the JDK, not the agent and not a logging framework. Walked with StackWalker, and only in dev
 * mode (a stack walk per redaction is fine in a test run, not in production).
 */
final class CallSites {
    static final int MAX_FRAMES = 24;

    private static final String[] SKIP = {
        "java.", "javax.", "jdk.", "sun.", "com.sun.",
        "dev.secretagent.",
        "ch.qos.logback.", "org.apache.logging.", "org.slf4j.", "org.apache.commons.logging.",
        "org.jboss.logging.", "org.jboss.logmanager.", "org.apache.log4j.",
    };
    /**
     * Frames of the agent's own writers: output they make is not the application's leak. (The leak
     * report itself goes out on the "diagnostics" channel, which the recorder ignores; this walk's own
     * frames, in the leaks package, are below every writer and are not looked at.)
     */
    private static final String[] OWN_OUTPUT = {
        "dev.secretagent.runtime.audit.", "dev.secretagent.runtime.redact.Diagnostics",
    };

    private static final StackWalker WALKER = StackWalker.getInstance();

    /** The walk's result: frames from the call site down (or from the top when none was found). */
    static final class Walk {
        final boolean ownOutput;
        final Frame site;
        final List<Frame> stack;

        Walk(boolean ownOutput, Frame site, List<Frame> stack) {
            this.ownOutput = ownOutput;
            this.site = site;
            this.stack = stack;
        }
    }

    private CallSites() {
    }

    static boolean skipped(String className) {
        for (String p : SKIP) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    static Walk walk() {
        return WALKER.walk(new Function<Stream<StackWalker.StackFrame>, Walk>() {
            @Override
            public Walk apply(Stream<StackWalker.StackFrame> frames) {
                List<Frame> top = new ArrayList<Frame>();
                List<Frame> fromSite = null;
                Frame site = null;
                for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
                    StackWalker.StackFrame f = it.next();
                    String cn = f.getClassName();
                    for (String own : OWN_OUTPUT) {
                        if (cn.startsWith(own)) {
                            return new Walk(true, null, null);
                        }
                    }
                    Frame fr = new Frame(cn, f.getMethodName(), f.getFileName(), f.getLineNumber());
                    if (site == null) {
                        if (!skipped(cn)) {
                            site = fr;
                            fromSite = new ArrayList<Frame>();
                            fromSite.add(fr);
                        } else if (top.size() < MAX_FRAMES) {
                            top.add(fr);
                        }
                    } else if (fromSite.size() < MAX_FRAMES) {
                        fromSite.add(fr);
                    } else {
                        break;
                    }
                }
                return new Walk(false, site, site != null ? fromSite : top);
            }
        });
    }
}

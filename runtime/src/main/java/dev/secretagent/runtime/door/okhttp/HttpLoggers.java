package dev.secretagent.runtime.door.okhttp;

import dev.secretagent.runtime.redact.Redaction;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Wraps an HTTP client's logger callback (OkHttp's {@code HttpLoggingInterceptor.Logger}, which
 * {@code HttpLoggingInterceptor} and {@code LoggingEventListener} hand every line to) so that every
 * message is redacted before the application's logger sees it. The application's logger may write
 * anywhere (a file, a framework we do not hook), so the line is redacted where the client produces it.
 * The wrapper is a JDK dynamic proxy of the client's own interface: no class of ours has to be visible
 * from the client's class loader.
 */
public final class HttpLoggers {
    private HttpLoggers() {
    }

    /**
     * A logger implementing {@code iface} that redacts the String argument of every one-String-argument
     * method and delegates to {@code logger}. Returns {@code logger} itself when it cannot be wrapped.
     */
    public static Object wrap(Object logger, Class<?> iface, String channel) {
        try {
            if (logger == null || iface == null || !iface.isInterface() || !iface.isInstance(logger)) {
                return logger;
            }
            if (Proxy.isProxyClass(logger.getClass()) && Proxy.getInvocationHandler(logger) instanceof Redacting) {
                return logger;
            }
            return Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface},
                    new Redacting(logger, channel));
        } catch (Throwable t) {
            return logger;
        }
    }

    /** {@link #wrap} with the interface taken from the declared type of {@code owner}'s field {@code field}. */
    public static Object wrapField(Object logger, Class<?> owner, String field, String channel) {
        try {
            return wrap(logger, owner.getDeclaredField(field).getType(), channel);
        } catch (Throwable t) {
            return logger;
        }
    }

    private static final class Redacting implements InvocationHandler {
        private final Object delegate;
        private final String channel;

        Redacting(Object delegate, String channel) {
            this.delegate = delegate;
            this.channel = channel;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                if ("equals".equals(method.getName())) {
                    return proxy == args[0];
                }
                if ("hashCode".equals(method.getName())) {
                    return System.identityHashCode(proxy);
                }
                return method.invoke(delegate, args);
            }
            if (args != null && args.length == 1 && args[0] instanceof String) {
                // Redaction.redact never throws; on failure it returns a marker, never the raw text
                args[0] = Redaction.redact((String) args[0], channel);
            }
            try {
                if (!method.canAccess(delegate)) {
                    method.setAccessible(true);
                }
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

package dev.secretagent.runtime.door.otel;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read-only view of one exported OpenTelemetry data item (a {@code LogRecordData}, {@code SpanData},
 * {@code MetricData}, and what they hold: events, links, points, exemplars), implementing the same public
 * interfaces as the item, in the item's own class loader, so the marshaler reads it as it would the item.
 *
 * <p>The view answers each getter from the item, then: attributes are copied with their values redacted by
 * key and value ({@link AttributeRedaction}); names, descriptions, severity texts, event names and string
 * bodies (and the strings inside structured bodies) are redacted as text; the resource is rebuilt with
 * redacted attributes (once per resource: the stateless marshalers group items by its identity); nested data
 * interfaces are viewed the same way. Ids, timestamps, kinds and numbers pass as they are. Everything is found
 * by name through reflection, because the types are the application's or the OpenTelemetry agent's relocated
 * copies, never visible here. Answers are kept per view: the marshaler asks twice (size, then write), and both
 * must see the same text.
 */
final class RedactedView implements InvocationHandler {
    private static final Object NULL = new Object();
    private static final Set<String> TEXT_GETTERS = new java.util.HashSet<String>(java.util.Arrays.asList(
            "getName", "getDescription", "getSeverityText", "getEventName", "asString"));
    /** OpenTelemetry interfaces that carry no text worth a view (ids, flags). */
    private static final Set<String> PLAIN = new java.util.HashSet<String>(java.util.Arrays.asList(
            "SpanContext", "TraceState", "TraceFlags", "Context", "InstrumentationScopeInfo"));
    private static final ClassValue<Class<?>[]> INTERFACES = new ClassValue<Class<?>[]>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
            Set<Class<?>> all = new LinkedHashSet<Class<?>>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                collect(c.getInterfaces(), all);
            }
            return all.toArray(new Class<?>[0]);
        }
    };
    private static volatile Object[] lastResource = {null, null};

    private final Object target;
    private final String channel;
    private final ConcurrentHashMap<Method, Object> answers = new ConcurrentHashMap<Method, Object>();

    private RedactedView(Object target, String channel) {
        this.target = target;
        this.channel = channel;
    }

    /** A view of {@code item}; the item itself when it is a view already. */
    static Object of(Object item, String channel) {
        if (item == null) {
            return null;
        }
        Class<?> c = item.getClass();
        if (Proxy.isProxyClass(c) && Proxy.getInvocationHandler(item) instanceof RedactedView) {
            return item;
        }
        Class<?>[] interfaces = INTERFACES.get(c);
        if (interfaces.length == 0) {
            throw new IllegalArgumentException("no public interface");
        }
        return Proxy.newProxyInstance(c.getClassLoader(), interfaces, new RedactedView(item, channel));
    }

    private static void collect(Class<?>[] interfaces, Set<Class<?>> into) {
        for (Class<?> i : interfaces) {
            if (Modifier.isPublic(i.getModifiers())) {
                into.add(i);
            }
            collect(i.getInterfaces(), into);
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            String n = method.getName();
            if (n.equals("equals")) {
                return proxy == args[0];
            }
            if (n.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            // a data class's toString() holds every attribute: it is not handed out
            return target.getClass().getSimpleName() + "{redacted view}";
        }
        if (args != null && args.length > 0) {
            return call(method, args);
        }
        Object a = answers.get(method);
        if (a == null) {
            Object r = view(method, call(method, null));
            a = r == null ? NULL : r;
            answers.put(method, a);
        }
        return a == NULL ? null : a;
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object view(Method method, Object raw) throws Exception {
        if (raw == null) {
            return null;
        }
        Class<?> rt = method.getReturnType();
        String name = rt.getName();
        if (rt == String.class) {
            return TEXT_GETTERS.contains(method.getName()) ? AttributeRedaction.text((String) raw, channel) : raw;
        }
        if (rt.isInterface() && name.endsWith(".api.common.Attributes")) {
            return AttributesCopy.redact(raw, rt, channel);
        }
        if (name.endsWith(".sdk.resources.Resource")) {
            return resource(raw, rt);
        }
        if (name.endsWith(".sdk.logs.data.Body")) {
            String text = (String) rt.getMethod("asString").invoke(raw);
            String r = AttributeRedaction.text(text, channel);
            return r == text ? raw : rt.getMethod("string", String.class).invoke(null, r);
        }
        if (name.endsWith(".api.common.Value")) {
            return Values.redact(raw, rt, channel);
        }
        if (name.endsWith(".sdk.trace.data.StatusData")) {
            String d = (String) rt.getMethod("getDescription").invoke(raw);
            String r = d == null ? null : AttributeRedaction.text(d, channel);
            if (r == d) {
                return raw;
            }
            Method code = rt.getMethod("getStatusCode");
            return rt.getMethod("create", code.getReturnType(), String.class).invoke(null, code.invoke(raw), r);
        }
        if (Collection.class.isAssignableFrom(rt)) {
            return elements((Collection<?>) raw);
        }
        if (rt.isInterface() && name.contains("opentelemetry") && !PLAIN.contains(rt.getSimpleName())) {
            return of(raw, channel);
        }
        return raw;
    }

    /** Events, links, points, exemplars: each viewed; a list of numbers (bucket bounds) as it is. */
    private Object elements(Collection<?> raw) {
        if (raw.isEmpty()) {
            return raw;
        }
        Object first = raw.iterator().next();
        if (first == null || !first.getClass().getName().contains("opentelemetry")) {
            return raw;
        }
        ArrayList<Object> out = new ArrayList<Object>(raw.size());
        for (Object e : raw) {
            out.add(of(e, channel));
        }
        return out;
    }

    private Object resource(Object raw, Class<?> rt) throws Exception {
        Object[] last = lastResource;
        if (last[0] == raw) {
            return last[1];
        }
        Method attributes = rt.getMethod("getAttributes");
        Object attrs = attributes.invoke(raw);
        Object clean = AttributesCopy.redact(attrs, attributes.getReturnType(), channel);
        Object result = raw;
        if (clean != attrs) {
            Object schema = rt.getMethod("getSchemaUrl").invoke(raw);
            result = rt.getMethod("create", attributes.getReturnType(), String.class).invoke(null, clean, schema);
        }
        lastResource = new Object[] {raw, result};
        return result;
    }
}

package dev.secretagent.runtime.door.otel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A log record's {@code Value} body (any class loader): a string redacted as text, an array element by element,
 * a key-value list entry by entry with its key's rules ({@link AttributeRedaction#value}); bytes, numbers and
 * booleans as they are. The same instance when nothing changes.
 */
final class Values {
    private Values() {
    }

    static Object redact(Object value, Class<?> valueType, String channel) throws Exception {
        return redact(value, valueType, null, channel);
    }

    private static Object redact(Object value, Class<?> vt, String key, String channel) throws Exception {
        if (value == null) {
            return null;
        }
        String type = String.valueOf(vt.getMethod("getType").invoke(value));
        Object inner = vt.getMethod("getValue").invoke(value);
        if (type.equals("STRING")) {
            String s = (String) inner;
            Object r = key == null ? AttributeRedaction.text(s, channel) : AttributeRedaction.value(key, s, channel);
            return r == s ? value : vt.getMethod("of", String.class).invoke(null, r);
        }
        if (type.equals("ARRAY")) {
            List<?> list = (List<?>) inner;
            List<Object> out = new ArrayList<Object>(list.size());
            boolean changed = false;
            for (Object e : list) {
                Object r = redact(e, vt, key, channel);
                changed |= r != e;
                out.add(r);
            }
            return changed ? vt.getMethod("of", List.class).invoke(null, out) : value;
        }
        if (type.equals("KEY_VALUE_LIST")) {
            List<?> list = (List<?>) inner;
            Map<String, Object> out = new LinkedHashMap<String, Object>();
            boolean changed = false;
            for (Object kv : list) {
                Method getKey = publicMethod(kv.getClass(), "getKey");
                Method getValue = publicMethod(kv.getClass(), "getValue");
                String k = (String) getKey.invoke(kv);
                Object v = getValue.invoke(kv);
                Object r = redact(v, vt, k, channel);
                changed |= r != v;
                out.put(k, r);
            }
            return changed ? vt.getMethod("of", Map.class).invoke(null, out) : value;
        }
        return value;
    }

    /** The method as declared by a public interface of {@code c} (the class itself is often package-private). */
    private static Method publicMethod(Class<?> c, String name) throws NoSuchMethodException {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                if (java.lang.reflect.Modifier.isPublic(i.getModifiers())) {
                    try {
                        return i.getMethod(name);
                    } catch (NoSuchMethodException ignored) {
                        // the next interface
                    }
                }
            }
        }
        throw new NoSuchMethodException(name);
    }
}

package dev.secretagent.runtime.door.otel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A copy of an OpenTelemetry {@code Attributes} (of any class loader, relocated or not) with each value as
 * {@link AttributeRedaction} decides; the same instance when no value changes. Found by name: {@code asMap()},
 * {@code AttributeKey.getKey()}, the static {@code Attributes.builder()}, {@code put(AttributeKey, Object)},
 * {@code build()}.
 */
final class AttributesCopy {
    private static final ClassValue<Shape> SHAPES = new ClassValue<Shape>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            try {
                return new Shape(type);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("unknown Attributes shape: " + e.getMessage());
            }
        }
    };

    private AttributesCopy() {
    }

    static Object redact(Object attributes, Class<?> type, String channel) throws Exception {
        if (attributes == null) {
            return null;
        }
        Shape s = SHAPES.get(type);
        Map<?, ?> map = (Map<?, ?>) s.asMap.invoke(attributes);
        if (map.isEmpty()) {
            return attributes;
        }
        List<Object> keys = new ArrayList<Object>(map.size());
        List<Object> values = new ArrayList<Object>(map.size());
        boolean changed = false;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            Object r = AttributeRedaction.value((String) s.getKey.invoke(e.getKey()), v, channel);
            changed |= r != v;
            keys.add(e.getKey());
            values.add(r);
        }
        if (!changed) {
            return attributes;
        }
        Object builder = s.builder.invoke(null);
        for (int i = 0; i < keys.size(); i++) {
            s.put.invoke(builder, keys.get(i), values.get(i));
        }
        return s.build.invoke(builder);
    }

    private static final class Shape {
        final Method asMap;
        final Method builder;
        final Method put;
        final Method build;
        final Method getKey;

        Shape(Class<?> type) throws NoSuchMethodException {
            asMap = type.getMethod("asMap");
            builder = type.getMethod("builder");
            Class<?> keyType = null;
            for (Method m : type.getMethods()) {
                if (m.getName().equals("get") && m.getParameterTypes().length == 1) {
                    keyType = m.getParameterTypes()[0];
                }
            }
            if (keyType == null) {
                throw new NoSuchMethodException("get(AttributeKey)");
            }
            Class<?> builderType = builder.getReturnType();
            put = builderType.getMethod("put", keyType, Object.class);
            build = builderType.getMethod("build");
            getKey = keyType.getMethod("getKey");
        }
    }
}

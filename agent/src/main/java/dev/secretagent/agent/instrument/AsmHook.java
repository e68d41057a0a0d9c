package dev.secretagent.agent.instrument;

import net.bytebuddy.jar.asm.Type;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One hook applied with plain ASM, as data: the hooked method (name and descriptor), where the door call goes
 * (method entry, every return, or every return and every throw), the static runtime door it calls with which values
 * ({@link Value}), where the door's result goes, and what is stored instead if the call fails. What Byte Buddy's
 * {@code Advice} did for the hot targets, without parsing an advice class: {@link HookedMethod} emits the call in a
 * catch-all, so the agent never breaks the application's call, and a hook that redacts stores the fail-closed
 * marker instead of the raw value ({@link Fallback}).
 *
 * <p>A hook never decides anything: it loads, calls one door, stores. Logic that needs the framework's own types
 * and cannot live in the runtime replaces a method's body with a {@link MethodBody} (Log4j2's {@code tryAppend}).
 * Declared once, in a target's {@code transform}; read only afterwards.
 */
public final class AsmHook {
    /** Where the door is called. */
    public enum At {
        /** On entry, before the method's own first instruction. */
        ENTER,
        /** Before every return (not when the method throws). */
        EXIT,
        /** Before every return, and when the method throws (the original throwable is rethrown). */
        EXIT_OR_THROW
    }

    /** What is stored when the door call throws (the call's own effects are then whatever it did). */
    public enum Fallback {
        /** Nothing (a hook that keeps its result in the enter value stores null there). */
        NOTHING,
        /** The fail-closed marker text ({@code Markers.REDACTION_FAILED}). */
        MARKER,
        /** The marker and a line feed, as US-ASCII bytes (for a hook that filters a line's bytes). */
        MARKER_LINE_BYTES
    }

    /** A value a hook passes to its door, or the place its result is stored. */
    public static final class Value {
        enum Kind { THIS, ARGUMENT, FIELD, NULL, ENTER_VALUE, RETURNED, THIS_INSTANCE_OF }

        final Kind kind;
        final int index;
        /** FIELD: its name; THIS_INSTANCE_OF: the internal name of the type. */
        final String name;
        /** FIELD: its descriptor. */
        final String descriptor;

        private Value(Kind kind, int index, String name, String descriptor) {
            this.kind = kind;
            this.index = index;
            this.name = name;
            this.descriptor = descriptor;
        }

        /** {@code this}. */
        public static Value self() {
            return new Value(Kind.THIS, 0, null, null);
        }

        /** The method's argument {@code index} (0 is the first); only on entry. */
        public static Value argument(int index) {
            return new Value(Kind.ARGUMENT, index, null, null);
        }

        /** An instance field of the hooked class. */
        public static Value field(String name, String descriptor) {
            return new Value(Kind.FIELD, 0, name, descriptor);
        }

        /** {@code null}. */
        public static Value nothing() {
            return new Value(Kind.NULL, 0, null, null);
        }

        /** What the method's entry hook stored for its exit hooks (one per method). */
        public static Value enterValue() {
            return new Value(Kind.ENTER_VALUE, 0, null, null);
        }

        /** The value the method is returning; only on {@link At#EXIT}. */
        public static Value returned() {
            return new Value(Kind.RETURNED, 0, null, null);
        }

        /** {@code this instanceof type} ({@code type}: an internal name, a class the hooked class can see). */
        public static Value selfInstanceOf(String internalName) {
            return new Value(Kind.THIS_INSTANCE_OF, 0, internalName, null);
        }

        @Override
        public String toString() {
            switch (kind) {
                case ARGUMENT:
                    return "arg" + index;
                case FIELD:
                    return "this." + name;
                case THIS_INSTANCE_OF:
                    return "this instanceof " + name;
                default:
                    return kind.name().toLowerCase(java.util.Locale.ROOT);
            }
        }
    }

    final At at;
    final String method;
    final String descriptor;
    final MethodBody body;
    private String doorOwner;
    private String doorMethod;
    private String doorDescriptor;
    private List<Value> loads = Collections.emptyList();
    private Value target;
    private Fallback fallback = Fallback.NOTHING;
    private boolean locked;

    private AsmHook(At at, String method, String descriptor, MethodBody body) {
        this.at = at;
        this.method = method;
        this.descriptor = descriptor;
        this.body = body;
    }

    /** A hook on {@code method} (name) with {@code descriptor}, calling its door {@code at} entry or exit. */
    public static AsmHook at(At at, String method, String descriptor) {
        if (method.startsWith("<")) {
            throw new IllegalArgumentException("constructors and initialisers are not hooked: " + method);
        }
        return new AsmHook(at, method, descriptor, null);
    }

    /** {@code method}'s body replaced by {@code body} (no other hook may then touch the method). */
    public static AsmHook replaceBody(String method, String descriptor, MethodBody body) {
        return new AsmHook(At.ENTER, method, descriptor, body);
    }

    /**
     * Calls the static {@code owner.method(descriptor)} (internal name; a door in the runtime, which the bootstrap
     * loader makes visible to every class) with {@code values}, in order.
     */
    public AsmHook call(String owner, String name, String doorDescriptor, Value... values) {
        Type[] parameters = Type.getArgumentTypes(doorDescriptor);
        if (parameters.length != values.length) {
            throw new IllegalArgumentException(name + doorDescriptor + " takes " + parameters.length + " values, not "
                    + values.length);
        }
        for (Value v : values) {
            if (v.kind == Value.Kind.ARGUMENT && at != At.ENTER) {
                throw new IllegalArgumentException("arguments are passed on entry only: " + this.method);
            }
            if (v.kind == Value.Kind.RETURNED && at != At.EXIT) {
                throw new IllegalArgumentException("the returned value exists on a normal exit only: " + this.method);
            }
            if (v.kind == Value.Kind.ENTER_VALUE && at == At.ENTER) {
                throw new IllegalArgumentException("the enter value is read on exit only: " + this.method);
            }
        }
        this.doorOwner = owner;
        this.doorMethod = name;
        this.doorDescriptor = doorDescriptor;
        this.loads = Collections.unmodifiableList(Arrays.asList(values.clone()));
        return this;
    }

    /** Stores the door's result in {@code where}: an argument (entry), a field, the enter value (entry), the returned value (exit). */
    public AsmHook into(Value where) {
        boolean allowed = where.kind == Value.Kind.FIELD
                || (where.kind == Value.Kind.ARGUMENT || where.kind == Value.Kind.ENTER_VALUE) && at == At.ENTER
                || where.kind == Value.Kind.RETURNED && at == At.EXIT;
        if (!allowed || Type.getReturnType(doorDescriptor).getSort() == Type.VOID) {
            throw new IllegalArgumentException("cannot store " + doorMethod + "'s result in " + where + " at " + at);
        }
        if (where.kind == Value.Kind.ENTER_VALUE && Type.getReturnType(doorDescriptor).getSort() < Type.ARRAY) {
            throw new IllegalArgumentException("the enter value is a reference: " + doorMethod + doorDescriptor);
        }
        this.target = where;
        return this;
    }

    /** What to store in the target when the door call throws (after {@link #into}: the marker must fit the target). */
    public AsmHook orOnError(Fallback fallback) {
        String expected = fallback == Fallback.MARKER ? "Ljava/lang/String;"
                : fallback == Fallback.MARKER_LINE_BYTES ? "[B" : null;
        if (expected != null && (target == null || !expected.equals(Type.getReturnType(doorDescriptor).getDescriptor()))) {
            throw new IllegalArgumentException(fallback + " needs a target of type " + expected + ": " + this);
        }
        this.fallback = fallback;
        return this;
    }

    /**
     * The door call and the store happen under {@code synchronized (this)}: for a field the framework assigns under
     * the object's monitor (JUL's handler writer), so a concurrent assignment is never overwritten by a stale value.
     */
    public AsmHook synchronizedOnThis() {
        this.locked = true;
        return this;
    }

    boolean locked() {
        return locked;
    }

    boolean matches(String name, String desc) {
        return method.equals(name) && descriptor.equals(desc);
    }

    String doorOwner() {
        return doorOwner;
    }

    String doorMethod() {
        return doorMethod;
    }

    String doorDescriptor() {
        return doorDescriptor;
    }

    List<Value> loads() {
        return loads;
    }

    /** Null when the result (if any) is dropped. */
    Value target() {
        return target;
    }

    Fallback fallback() {
        return fallback;
    }

    boolean storesEnterValue() {
        return target != null && target.kind == Value.Kind.ENTER_VALUE;
    }

    /** The fields this hook reads or writes (the range test checks they exist at both ends). */
    List<Value> fields() {
        List<Value> fields = new java.util.ArrayList<>();
        for (Value v : loads) {
            if (v.kind == Value.Kind.FIELD) {
                fields.add(v);
            }
        }
        if (target != null && target.kind == Value.Kind.FIELD) {
            fields.add(target);
        }
        return fields;
    }

    @Override
    public String toString() {
        if (body != null) {
            return method + descriptor + ": body replaced by " + body.getClass().getSimpleName();
        }
        return method + descriptor + " at " + at + ": " + doorOwner.substring(doorOwner.lastIndexOf('/') + 1) + "."
                + doorMethod + loads + (target != null ? " into " + target : "");
    }
}

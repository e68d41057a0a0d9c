package dev.secretagent.agent.instrument.jdk;

/**
 * One hook in a java.lang class, as data: which method, and which runtime door filters its
 * return value or its first argument. The door is a static method in runtime/ that never throws
 * (except the policy's SecurityException in deny.action=throw mode, which is meant for the caller).
 */
final class JdkHook {
    enum Kind {
        /** {@code return door(arg0, result)} — or {@code door(result)} when {@link #passArgument} is false. */
        FILTER_RETURN,
        /** {@code arg0 = door(arg0, constant)} on entry. */
        FILTER_ARGUMENT,
        /** {@code door(this)} on entry of an instance method. */
        ENTRY_THIS,
        /**
         * On entry, {@code door(this.field, args...)}; a {@code boolean} door that returns true ends a void method
         * there, an {@code int} door's result {@code >= 0} is returned at once; a {@code void} door just runs.
         */
        ENTRY_FIELD,
        /** Before every return of a constructor: {@code this.field = door(this, this.field, this.path, this.fd)}. */
        INIT_FIELD
    }

    /** The target name users see and can disable: {@code env}, {@code stdio}. */
    final String target;
    final String owner;
    final String method;
    final String descriptor;
    final Kind kind;
    final boolean passArgument;
    final String doorOwner;
    final String doorMethod;
    final String doorDescriptor;
    final String constant;
    /** ENTRY_FIELD and INIT_FIELD: the instance field (of type Object) the door is given or sets. */
    final String field;
    /** ENTRY_FIELD: also pass this instance field (name:descriptor) after the arguments, else null. */
    final String extraField;

    private JdkHook(String target, String owner, String method, String descriptor, Kind kind, String door,
                    String doorDescriptor, String field, String extraField) {
        this.target = target;
        this.owner = owner;
        this.method = method;
        this.descriptor = descriptor;
        this.kind = kind;
        this.passArgument = false;
        this.doorOwner = "dev/secretagent/runtime/door/jdk/FileNet";
        this.doorMethod = door;
        this.doorDescriptor = doorDescriptor;
        this.constant = null;
        this.field = field;
        this.extraField = extraField;
    }

    private JdkHook(String target, String owner, String method, String descriptor, Kind kind, boolean passArgument,
                    String doorOwner, String doorMethod, String doorDescriptor, String constant) {
        this.target = target;
        this.owner = owner;
        this.method = method;
        this.descriptor = descriptor;
        this.kind = kind;
        this.passArgument = passArgument;
        this.doorOwner = doorOwner;
        this.doorMethod = doorMethod;
        this.doorDescriptor = doorDescriptor;
        this.constant = constant;
        this.field = null;
        this.extraField = null;
    }

    /** {@code return door(arg0, result)}. */
    static JdkHook returnWithArgument(String target, String owner, String method, String descriptor,
                                      String doorOwner, String doorMethod, String doorDescriptor) {
        return new JdkHook(target, owner, method, descriptor, Kind.FILTER_RETURN, true, doorOwner, doorMethod, doorDescriptor, null);
    }

    /** {@code return door(result)}. */
    static JdkHook returnOnly(String target, String owner, String method, String descriptor,
                              String doorOwner, String doorMethod, String doorDescriptor) {
        return new JdkHook(target, owner, method, descriptor, Kind.FILTER_RETURN, false, doorOwner, doorMethod, doorDescriptor, null);
    }

    /** {@code arg0 = door(arg0, constant)} on entry of a static method. */
    static JdkHook argument(String target, String owner, String method, String descriptor,
                            String doorOwner, String doorMethod, String doorDescriptor, String constant) {
        return new JdkHook(target, owner, method, descriptor, Kind.FILTER_ARGUMENT, true, doorOwner, doorMethod, doorDescriptor, constant);
    }

    /** {@code door(this)} on entry of an instance method. */
    static JdkHook entryWithThis(String target, String owner, String method, String descriptor,
                                 String doorOwner, String doorMethod, String doorDescriptor) {
        return new JdkHook(target, owner, method, descriptor, Kind.ENTRY_THIS, false, doorOwner, doorMethod, doorDescriptor, null);
    }

    /** {@code this.lockField = FileNet.opened(this, this.lockField, this.path, this.fd)} at the end of every constructor. */
    static JdkHook netOpen(String target, String owner, String lockField) {
        return new JdkHook(target, owner, "<init>", null, Kind.INIT_FIELD, "opened",
                "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;Ljava/io/FileDescriptor;)Ljava/lang/Object;",
                lockField, null);
    }

    /** {@code FileNet.<door>(this.lockField, args...)} on entry; see {@link Kind#ENTRY_FIELD}. */
    static JdkHook netEntry(String target, String owner, String method, String descriptor, String door,
                            String doorDescriptor, String lockField, String extraField) {
        return new JdkHook(target, owner, method, descriptor, Kind.ENTRY_FIELD, door, doorDescriptor, lockField, extraField);
    }

    boolean matches(String name, String desc) {
        return method.equals(name) && (descriptor == null || descriptor.equals(desc));
    }
}

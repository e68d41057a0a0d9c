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
        ENTRY_THIS
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

    boolean matches(String name, String desc) {
        return method.equals(name) && descriptor.equals(desc);
    }
}

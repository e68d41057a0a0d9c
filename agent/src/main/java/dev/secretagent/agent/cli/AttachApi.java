package dev.secretagent.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The only class that touches com.sun.tools.attach, so a JRE without it fails with our message, not a linkage error. */
final class AttachApi {
    private AttachApi() {
    }

    static String attach(Attacher attacher, String target, String agentJar, String agentOptions)
            throws Attacher.AttachFailure {
        List<String[]> jvms = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            jvms.add(new String[] {d.id(), d.displayName()});
        }
        String pid = Attacher.resolvePid(target, jvms);
        Attacher.checkSameUser(pid);
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException e) {
            throw new Attacher.AttachFailure("JVM " + pid + " does not accept attach: " + e.getMessage()
                    + " (started with -XX:+DisableAttachMechanism, not a HotSpot JVM, or not a JVM at all?)");
        } catch (IOException e) {
            throw new Attacher.AttachFailure("could not connect to JVM " + pid + ": " + e.getMessage()
                    + " (is it run by another user, or in another container/namespace?)");
        }
        try {
            Attacher.checkNotAttached(pid, vm.getSystemProperties());
            vm.loadAgent(agentJar, agentOptions);
            return pid;
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new Attacher.AttachFailure("JVM " + pid + " refused the agent: " + e.getMessage());
        } catch (IOException e) {
            throw new Attacher.AttachFailure("attach to JVM " + pid + " failed: " + e.getMessage());
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}

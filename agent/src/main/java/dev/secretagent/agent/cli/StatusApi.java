package dev.secretagent.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.secretagent.agent.bootstrap.AgentEntry;
import dev.secretagent.agent.status.StatusMBeans;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads {@code dev.secretagent:type=Agent} from a running JVM: attach, start the JVM's local JMX
 * connector, and when the bean is not there yet ask the agent in the target to register it (an
 * {@code agentmain} with {@link StatusMBeans#STATUS_ARGUMENT}: it starts nothing). The only class
 * besides {@link AttachApi} that touches com.sun.tools.attach.
 */
final class StatusApi {
    private StatusApi() {
    }

    static final class Read {
        final String pid;
        final String displayName;
        final Map<String, Object> attributes;

        Read(String pid, String displayName, Map<String, Object> attributes) {
            this.pid = pid;
            this.displayName = displayName;
            this.attributes = attributes;
        }
    }

    static Read read(String target, String agentJar) throws Attacher.AttachFailure {
        List<String[]> jvms = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            jvms.add(new String[] {d.id(), d.displayName()});
        }
        String pid = Attacher.resolvePid(target, jvms);
        String display = "";
        for (String[] j : jvms) {
            if (j[0].equals(pid)) {
                display = j[1];
            }
        }
        Attacher.checkSameUser(pid);
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException e) {
            throw new Attacher.AttachFailure("JVM " + pid + " does not accept attach: " + e.getMessage());
        } catch (IOException e) {
            throw new Attacher.AttachFailure("could not connect to JVM " + pid + ": " + e.getMessage()
                    + " (is it run by another user, or in another container/namespace?)");
        }
        try {
            if (vm.getSystemProperties().getProperty(AgentEntry.STARTED_PROPERTY) == null) {
                throw new Attacher.AttachFailure("JVM " + pid + " does not run secret-agent"
                        + " (start it with -javaagent:secret-agent.jar, or: secret-agent attach " + pid + ")");
            }
            String address = vm.startLocalManagementAgent();
            try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection server = c.getMBeanServerConnection();
                ObjectName name = new ObjectName(StatusMBeans.OBJECT_NAME);
                if (!server.isRegistered(name)) {
                    vm.loadAgent(agentJar, StatusMBeans.STATUS_ARGUMENT);
                }
                if (!server.isRegistered(name)) {
                    throw new Attacher.AttachFailure("JVM " + pid + " runs secret-agent but did not register "
                            + StatusMBeans.OBJECT_NAME + " (its stderr says why)");
                }
                Map<String, Object> attrs = new LinkedHashMap<>();
                for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
                    attrs.put(a.getName(), server.getAttribute(name, a.getName()));
                }
                return new Read(pid, display, attrs);
            }
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new Attacher.AttachFailure("JVM " + pid + " refused the status request: " + e.getMessage());
        } catch (Attacher.AttachFailure e) {
            throw e;
        } catch (Exception e) {
            throw new Attacher.AttachFailure("reading the status of JVM " + pid + " failed: " + e);
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
